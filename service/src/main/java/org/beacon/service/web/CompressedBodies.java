package org.beacon.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies sent with {@code Content-Encoding: gzip} (platforms compress large batches), before
 * {@link RequestSizeLimit}, so that the size limit counts the unpacked bytes and a gzip bomb is a 413. Any other
 * encoding is a 415: read as it is, it was refused as malformed JSON, which sent the caller looking in the wrong
 * place. A multipart form is read by the servlet container itself, from the connection, so it cannot be unpacked
 * here: compressed, it is a 415 too (its workbooks are zip files already).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class CompressedBodies extends OncePerRequestFilter {

    private final JsonMapper json;

    CompressedBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            chain.doFilter(request, response);
            return;
        }
        String name = encoding.trim().toLowerCase(Locale.ROOT);
        if (!name.equals("gzip") && !name.equals("x-gzip")) {
            refuse(response, "Content-Encoding '" + QuotedInput.shorten(encoding)
                    + "' is not read: send the body as it is, or compressed with gzip (Content-Encoding: gzip)");
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            refuse(response, "a multipart form is read as it is sent: compress JSON bodies only "
                    + "(Content-Encoding: gzip)");
            return;
        }
        chain.doFilter(new Unpacked(request), response);
    }

    private void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(415);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.UNSUPPORTED_MEDIA_TYPE.detail(detail)));
    }

    /** The request as if it had been sent unpacked: no Content-Encoding, no length known in advance. */
    private static final class Unpacked extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Unpacked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return isDropped(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isDropped(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(h -> !isDropped(h)).toList());
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        private static boolean isDropped(String header) {
            return header.equalsIgnoreCase(HttpHeaders.CONTENT_ENCODING)
                    || header.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new GunzippingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), charset == null ? StandardCharsets.UTF_8
                    : Charset.forName(charset)));
        }
    }

    /** Unpacks as it is read; a body that is not gzip is the caller's error, with a detail that says so. */
    private static final class GunzippingStream extends ServletInputStream {
        private final ServletInputStream packed;
        private InputStream unpacked;
        private boolean finished;

        GunzippingStream(ServletInputStream packed) {
            this.packed = packed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            try {
                if (unpacked == null) {
                    unpacked = new GZIPInputStream(packed, 8192);
                }
                int n = unpacked.read(buf, off, len);
                finished = n < 0;
                return n;
            } catch (IOException e) {
                throw new UnreadableBodyException("the body is not the gzip its Content-Encoding says: send it "
                        + "compressed with gzip, or without Content-Encoding", e);
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("request bodies are read blocking");
        }
    }
}
