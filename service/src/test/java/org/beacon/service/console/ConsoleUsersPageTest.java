package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.security.Role;
import org.beacon.service.security.StoredUsers;
import org.beacon.service.security.UserConflictException;
import org.beacon.service.security.UserNotFoundException;
import org.beacon.service.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The users pages without a browser: admins only, the list with each user's role and state in words, a new user's
 * generated password shown once, and the user service's refusals (a taken name, the last enabled admin) shown as
 * messages that changed nothing. The user service is a mock at this slice's boundary.
 */
@WebMvcTest(controllers = UsersPage.class)
@Import({Navigation.class, ConsolePagesTest.Security.class})
class ConsoleUsersPageTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserService users;

    private static UserService.UserView user(String name, boolean enabled, String... roles) {
        return new UserService.UserView(name, List.of(roles), enabled, Instant.parse("2026-11-01T08:00:00Z"),
                "first start", Instant.parse("2026-11-02T09:30:00Z"), "root");
    }

    @BeforeEach
    void knownUsers() {
        StoredUsers.knows(users, "root", Role.ADMIN);
        StoredUsers.knows(users, "editor", Role.EDITOR);
        when(users.list()).thenReturn(List.of(user("root", true, "admin"), user("platform-a", false, "caller"),
                user("epi", true, "caller", "editor")));
        when(users.get("root")).thenReturn(user("root", true, "admin"));
        when(users.get("epi")).thenReturn(user("epi", true, "caller", "editor"));
        when(users.get("nobody")).thenThrow(UserNotFoundException.class);
    }

    @Test
    @WithMockUser(username = "editor", roles = "EDITOR")
    void anEditorIsRefusedTheUsersPages() throws Exception {
        mvc.perform(get("/console/users")).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/console/forbidden"));
        mvc.perform(post("/console/users").with(csrf()).param("username", "x").param("role", "admin"))
                .andExpect(status().isForbidden());
        verify(users, never()).create(any(), any(), any(), any());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void theListShowsEachUsersHighestRoleStateAndLastChange() throws Exception {
        String page = body(mvc.perform(get("/console/users").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(row(page, "user-epi")).contains("href=\"/console/users/epi\"", "Editor", "Enabled", "by root");
        assertThat(row(page, "user-platform-a")).contains("Caller", "Disabled");
        assertThat(page).contains("value=\"caller\" checked=\"checked\"", "name=\"_csrf\"");
        String zh = body(mvc.perform(get("/console/users").header("Accept-Language", "zh-CN")).andReturn());
        assertThat(row(zh, "user-platform-a")).contains("调用方", "已停用");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void aNewUsersGeneratedPasswordIsShownOnceOnItsPage() throws Exception {
        when(users.create("platform-b", List.of("reviewer"), null, "root")).thenReturn(new UserService.WithPassword(
                user("platform-b", true, "reviewer"), "Gen3rated-Pa55word"));
        when(users.get("platform-b")).thenReturn(user("platform-b", true, "reviewer"));
        MvcResult created = mvc.perform(post("/console/users").with(csrf()).param("username", " platform-b ")
                .param("role", "reviewer")).andExpect(redirectedUrl("/console/users/platform-b")).andReturn();
        String shown = body(mvc.perform(get("/console/users/platform-b").header("Accept-Language", "en")
                .flashAttrs(created.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(shown).contains("platform-b was created.", "<code id=\"new-password\">Gen3rated-Pa55word</code>",
                "It is shown this once");
        String again = body(mvc.perform(get("/console/users/platform-b")).andExpect(status().isOk()).andReturn());
        assertThat(again).doesNotContain("Gen3rated-Pa55word", "new-password");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void aTakenNameOrABadNameIsRefusedWithAMessageAndNothingCreated() throws Exception {
        when(users.create(eq("root"), anyList(), isNull(), anyString())).thenThrow(UserConflictException.class);
        String taken = body(mvc.perform(post("/console/users").with(csrf()).param("username", "root")
                .param("role", "caller").header("Accept-Language", "en")).andExpect(status().isConflict())
                .andReturn());
        assertThat(taken).contains("Not created: a user called “root” already exists");
        when(users.create(eq(HOSTILE), anyList(), isNull(), anyString())).thenThrow(new InvalidRequestException(
                List.of(new FieldError("/username", "must be 1 to 100 letters"))));
        String bad = body(mvc.perform(post("/console/users").with(csrf()).param("username", HOSTILE)
                .param("role", "caller").header("Accept-Language", "zh-CN")).andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(bad).contains("未创建：“&lt;script&gt;alert(1)&lt;/script&gt;”不是有效的用户名").doesNotContain(HOSTILE);
        mvc.perform(post("/console/users").with(csrf()).param("username", "x").param("role", "boss"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void theLastAdminCannotLoseTheRoleAndThePageSaysWhy() throws Exception {
        when(users.update("root", List.of("editor"), null, "root")).thenThrow(UserConflictException.class);
        String page = body(mvc.perform(post("/console/users/root/role").with(csrf()).param("role", "editor")
                .header("Accept-Language", "en")).andExpect(status().isConflict()).andReturn());
        assertThat(page).contains("Nothing was changed: root is the last enabled administrator.");
        when(users.update("root", null, false, "root")).thenThrow(UserConflictException.class);
        mvc.perform(post("/console/users/root/enabled").with(csrf()).param("enabled", "false"))
                .andExpect(status().isConflict());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void rolesStateAndPasswordsChangeThroughTheUserService() throws Exception {
        when(users.update(any(), any(), any(), any())).thenReturn(user("epi", false, "editor"));
        mvc.perform(post("/console/users/epi/role").with(csrf()).param("role", "admin"))
                .andExpect(redirectedUrl("/console/users/epi"));
        verify(users).update("epi", List.of("admin"), null, "root");
        mvc.perform(post("/console/users/epi/enabled").with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/console/users/epi"));
        verify(users).update("epi", null, false, "root");
        when(users.setPassword("epi", null, "root")).thenReturn(new UserService.WithPassword(
                user("epi", true, "editor"), "N3w-Pa55word-xyz"));
        MvcResult reset = mvc.perform(post("/console/users/epi/password").with(csrf()))
                .andExpect(redirectedUrl("/console/users/epi")).andReturn();
        assertThat(reset.getFlashMap().get("password")).isEqualTo("N3w-Pa55word-xyz");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void anUnknownUserIsThe404Page() throws Exception {
        String page = body(mvc.perform(get("/console/users/nobody").header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andReturn());
        assertThat(page).contains("There is no such page", "class=\"site-nav\"");
    }

    private static String row(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static String body(MvcResult r) throws Exception {
        r.getResponse().setCharacterEncoding("UTF-8");
        return r.getResponse().getContentAsString();
    }
}
