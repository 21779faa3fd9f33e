package org.beacon.service.web;

import static org.beacon.service.web.BadRequest.Part.field;
import static org.beacon.service.web.BadRequest.Part.file;
import static org.beacon.service.web.Cases.encode;

import java.util.List;

/**
 * The multipart forms of the corpus that are not the form an endpoint reads: uploads that carry no valid workbook,
 * replays and calibrations refused before any work (bad fields, files that are not timelines, names that leave the
 * examples folder, sweeps over the cap).
 */
final class FormCorpus {

    private FormCorpus() {
    }

    static void addTo(Cases cases, byte[] workbook) {
        upload(cases, workbook);
        replays(cases);
        calibrations(cases);
    }

    private static void upload(Cases cases, byte[] workbook) {
        cases.group("POST /rule-sets: multipart forms that carry no valid workbook");
        String path = "/rule-sets";
        cases.form(path, "no file part", 400, field("comment", "nothing attached"));
        cases.form(path, "a part named file, not files", 400, file("file", "national-grading.xlsx", workbook));
        cases.form(path, "files as a text field", 400, field("files", "national-grading.xlsx"));
        cases.form(path, "no parts at all", 400);
        cases.form(path, "an empty file", 422, file("files", "empty.xlsx", new byte[0]));
        cases.form(path, "text named .xlsx", 422, file("files", "notes.xlsx", HttpCorpus.utf8("just some text")));
        cases.form(path, "a zip that is not a workbook", 422, file("files", "archive.xlsx", HttpCorpus.zip()));
        cases.form(path, "an old .xls (OLE2) header", 400, file("files", "old.xls", new byte[] {(byte) 0xD0,
                (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0}));
        cases.form(path, "a truncated workbook", 422, file("files", "cut.xlsx", java.util.Arrays.copyOf(workbook,
                workbook.length / 2)));
        cases.form(path, "a path-traversal file name", 400, file("files", "../../../etc/passwd.xlsx", HttpCorpus.utf8("x")));
        cases.form(path, "remove a workbook the base lacks", 400, field("remove", "no-such.xlsx"));
        cases.form(path, "replace=all with a base", 400, file("files", "national-grading.xlsx", workbook),
                field("replace", "all"), field("base", "v1"));
        cases.form(path, "two files with the same name", 400, file("files", "national-grading.xlsx", workbook),
                file("files", "national-grading.xlsx", workbook));
        cases.form(path, "the same name in two folders", 400, file("files", "a/national-grading.xlsx", workbook),
                file("files", "b\\national-grading.xlsx", workbook));
        cases.form(path, "an empty file name", 400, file("files", "", workbook));
        cases.form(path, "a control character in the file name", 400, file("files", "grading\u0001.xlsx", workbook));
        cases.form(path, "a 300-character file name", 400, file("files", "g".repeat(300) + ".xlsx", workbook));
        for (String date : List.of("2026-13-45", "' OR 1=1--", "20270101", "tomorrow", "+999999999-12-31x",
                "2027-01-01 ", " 2027-01-01", "+12027-01-01", "2027-1-1", "2027-01-01T00:00")) {
            cases.form(path, "effectiveFrom=" + date, 400, file("files", "national-grading.xlsx", workbook),
                    field("effectiveFrom", date));
        }
        cases.form(path, "a 2,001-character comment", 400, file("files", "national-grading.xlsx", workbook),
                field("comment", "c".repeat(2001)));
        cases.bytes("POST", path, "a form without a boundary", "multipart/form-data", BadRequest.multipart(
                Cases.BOUNDARY, List.of(file("files", "national-grading.xlsx", workbook))), 400);
        cases.bytes("POST", path, "a form whose boundary never appears", Cases.FORM, HttpCorpus.utf8("just text"), 400);
        byte[] whole = BadRequest.multipart(Cases.BOUNDARY, List.of(file("files", "national-grading.xlsx",
                workbook)));
        cases.bytes("POST", path, "a form cut off in its file", Cases.FORM, java.util.Arrays.copyOf(whole,
                whole.length / 2), 400);
        cases.bytes("POST", path, "an empty form body", Cases.FORM, new byte[0], 400);
    }

    private static void replays(Cases cases) {
        cases.group("POST /replays: forms that cannot start a replay");
        String path = "/replays";
        String example = "covid-2020-zhejiang-hubei-guangdong.csv";
        cases.form(path, "nothing at all", 400, field("source", "canghailan"));
        cases.form(path, "an empty timeline file", 400, file("timeline", "t.csv", new byte[0]));
        cases.form(path, "a timeline under the part name file", 400, file("file", "t.csv", HttpCorpus.utf8("date\n")));
        cases.form(path, "timeline as a text field", 400, field("timeline", "date,region\n2020-01-01,1\n"));
        cases.form(path, "both a timeline and an example", 400, file("timeline", "t.csv", HttpCorpus.utf8("date\n")),
                field("example", example));
        for (String name : List.of("../../pom.xml", "..%2F..%2Fpom.xml", "/etc/passwd", "covid..csv",
                "C:\\Windows\\win.ini", "README.md\u0000.csv", "no-such-example.csv", "x".repeat(300),
                "' OR '1'='1", "covid-2020-zhejiang-hubei-guangdong.csv\r\nX-Injected: 1", ".hidden.csv",
                "timelines/" + example, "~/" + example, "%2e%2e/pom.xml")) {
            cases.form(path, "example " + name, 400, field("example", name), field("source", "canghailan"));
        }
        for (String name : List.of("../../pom.xml", "no-such-actuals.csv", "/dev/zero")) {
            cases.form(path, "actualExample " + name, 400, field("example", example), field("source", "canghailan"),
                    field("actualExample", name));
        }
        for (String[] param : new String[][] {{"step", "week"}, {"step", "DAY' --"}, {"missingDays", "zero"},
                {"missingDays", "interpolate"}, {"level", "galaxy"}, {"source", "no-such-source"}}) {
            cases.form(path, param[0] + "=" + param[1], 400, field("example", example), field("source",
                    param[0].equals("source") ? param[1] : "canghailan"), field(param[0], param[1]));
        }
        for (String version : List.of("v999999", "' OR '1'='1", "../v1")) {
            cases.form(path, "ruleSet=" + version, 404, field("example", example), field("source", "canghailan"),
                    field("ruleSet", version));
            cases.form(path, "compareWith=" + version, 404, field("example", example), field("source",
                    "canghailan"), field("compareWith", version));
        }
        cases.form(path, "a timeline that is not CSV", 400, file("timeline", "t.csv", HttpCorpus.utf8("{\"json\": true}")));
        cases.form(path, "a timeline with only a header", 400, file("timeline", "t.csv",
                HttpCorpus.utf8("date,region,level,eventType,cases\n")));
        cases.form(path, "a timeline with a bad date", 400, file("timeline", "t.csv",
                HttpCorpus.utf8("date,region,level,eventType,cases\n2020-02-30,330000,province,covid19,1\n")));
        cases.form(path, "a timeline with a negative count", 400, file("timeline", "t.csv",
                HttpCorpus.utf8("date,region,level,eventType,cases\n2020-02-01,330000,province,covid19,-5\n")));
        cases.form(path, "a timeline with NaN", 400, file("timeline", "t.csv",
                HttpCorpus.utf8("date,region,level,eventType,cases\n2020-02-01,330000,province,covid19,NaN\n")));
        cases.form(path, "a timeline with invalid UTF-8", 400, file("timeline", "t.csv", new byte[] {(byte) 0xFF,
                (byte) 0xFE, 0x00, (byte) 0xC3, 0x28}));
        cases.form(path, "a timeline that is a zip", 400, file("timeline", "t.csv", HttpCorpus.zip()));
        cases.form(path, "a timeline named 300 characters", 400, file("timeline", "t".repeat(300) + ".csv",
                HttpCorpus.utf8("date\n")));
        cases.form(path, "actual decisions that are not CSV", 400, field("example", example),
                field("source", "canghailan"), file("actual", "a.csv", HttpCorpus.utf8("\u0000\u0001\u0002")));

        cases.form(path, "revisions of a region the timeline lacks", 400, field("example", example),
                field("source", "canghailan"), file("revisions", "r.csv", HttpCorpus.utf8("region,date\n990000,2020-04-16\n")));
        cases.form(path, "revisions without their columns", 400, field("example", example),
                field("source", "canghailan"), file("revisions", "r.csv", HttpCorpus.utf8("when,where\n2020-04-16,1\n")));

        cases.group("GET /replays/{id}…: replays and files that do not exist");
        for (String suffix : List.of("", "/steps.csv", "/report.xlsx")) {
            cases.get("/replays/" + HttpCorpus.UNKNOWN_UUID + suffix, "an unknown id" + suffix, 404);
            for (String id : HttpCorpus.BAD_IDS) {
                cases.get("/replays/" + encode(id) + suffix, "id " + id + suffix, 404);
            }
        }
        cases.get("/replays/" + HttpCorpus.UNKNOWN_UUID + "/summary.json", "a file that is not served", 404);
        for (String segment : HttpCorpus.REJECTED_SEGMENTS) {
            cases.get("/replays/" + HttpCorpus.UNKNOWN_UUID + "/" + segment, "a file named " + segment, 400);
        }
    }

    private static void calibrations(Cases cases) {
        cases.group("POST /calibrations: sweeps refused before any work");
        String path = "/calibrations";
        String example = "covid-2020-zhejiang-hubei-guangdong.csv";
        String actual = "covid-2020-response-levels.csv";
        for (String vary : List.of("stepDown_minDayz=7..14:7", "stepDown_minDays=28..14:7", "stepDown_minDays=7..14:0",
                "stepDown_minDays=7..x:7", "stepDown_minDays", "' OR '1'='1")) {
            cases.form(path, "vary " + vary, 400, field("example", example), field("source", "canghailan"),
                    field("actualExample", actual), field("vary", vary));
        }
        cases.form(path, "10,000 combinations, over the cap", 400, field("example", example),
                field("source", "canghailan"), field("actualExample", actual),
                field("vary", "stepDown_minDays=1..100:1"), field("vary", "covid_I_newCases7d=1..100:1"));
        cases.form(path, "nothing to vary", 400, field("example", example), field("source", "canghailan"),
                field("actualExample", actual));
        cases.form(path, "no actual decisions", 400, field("example", example), field("source", "canghailan"),
                field("vary", "stepDown_minDays=14..28:7"));
        cases.form(path, "objective=fastest", 400, field("example", example), field("source", "canghailan"),
                field("actualExample", actual), field("vary", "stepDown_minDays=14..28:7"),
                field("objective", "fastest"));
        cases.form(path, "ruleSet=v999999", 404, field("example", example), field("source", "canghailan"),
                field("actualExample", actual), field("vary", "stepDown_minDays=14..28:7"),
                field("ruleSet", "v999999"));
        cases.form(path, "a timeline with a bad date", 400, field("actualExample", actual),
                field("vary", "stepDown_minDays=14..28:7"), file("timeline", "t.csv",
                        HttpCorpus.utf8("date,region,level,eventType,cases\n2020-02-30,330000,province,covid19,1\n")));
        cases.form(path, "example ../../pom.xml", 400, field("example", "../../pom.xml"),
                field("actualExample", actual), field("vary", "stepDown_minDays=14..28:7"));
        cases.form(path, "a field varies for vary", 400, field("example", example), field("source", "canghailan"),
                field("actualExample", actual), field("varies", "stepDown_minDays=14..28:7"));

        cases.group("GET /calibrations/{id}…: calibrations and files that do not exist");
        for (String suffix : List.of("", "/calibration.csv", "/calibration.xlsx")) {
            cases.get("/calibrations/" + HttpCorpus.UNKNOWN_UUID + suffix, "an unknown id" + suffix, 404);
            for (String id : HttpCorpus.BAD_IDS) {
                cases.get("/calibrations/" + encode(id) + suffix, "id " + id + suffix, 404);
            }
        }
        cases.get("/calibrations?size=0", "size=0", 400);
    }
}
