package org.beacon.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.security.Role;
import org.beacon.service.security.UserConflictException;
import org.beacon.service.security.UserNotFoundException;
import org.beacon.service.security.UserService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Users (admin): the list, a new user, and one user's page to change the role, disable or enable, and set a new
 * password. Every change goes through {@link UserService} with its rules; a refusal (a name taken, the last enabled
 * admin) is shown on the page in its language and changes nothing. A generated password is shown once, on the page
 * the change leads to, from a flash attribute that is gone on the next request.
 */
@Controller
class UsersPage {

    /** A user as the list shows it: the role is the highest one held (each includes the ones before it). */
    record Row(String username, List<Role> roles, Role role, boolean enabled, LocalDateTime changedAt,
            java.time.Instant changedInstant, String changedBy) {

        /** The message key of the highest role's name. */
        public String roleLabel() {
            return role == null ? "role.none" : "role." + role.id();
        }
    }

    private final UserService users;
    private final ConsoleModel layout;
    private final ZoneId zone = ZoneId.systemDefault();

    UsersPage(UserService users, ConsoleModel layout) {
        this.users = users;
        this.layout = layout;
    }

    @GetMapping("/console/users")
    String list(Model model) {
        return listPage(model, "", Role.CALLER.id(), null);
    }

    @PostMapping("/console/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String role,
            Principal by, HttpServletResponse response, Model model, RedirectAttributes flash) {
        String name = username.strip();
        if (role(role) == null) {
            response.setStatus(422);
            return listPage(model, name, Role.CALLER.id(), "users.error.role");
        }
        try {
            UserService.WithPassword created = users.create(name, List.of(role), null, by.getName());
            flash.addFlashAttribute("password", created.password());
            flash.addFlashAttribute("done", "users.done.created");
            return redirectTo(created.user().username());
        } catch (InvalidRequestException e) {
            response.setStatus(422);
            return listPage(model, name, role, "users.error.username");
        } catch (UserConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return listPage(model, name, role, "users.error.taken");
        }
    }

    @GetMapping("/console/users/{username}")
    String user(@PathVariable String username, Model model) {
        model.addAttribute("u", row(users.get(username)));
        model.addAttribute("roles", Role.values());
        return "console/user";
    }

    @PostMapping("/console/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam(defaultValue = "") String role, Principal by,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        if (role(role) == null) {
            return refused(username, "users.error.role", 422, response, model);
        }
        return change(username, by, response, model, flash, "users.done.role",
                () -> users.update(username, List.of(role), null, by.getName()));
    }

    @PostMapping("/console/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Principal by,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        return change(username, by, response, model, flash, enabled ? "users.done.enabled" : "users.done.disabled",
                () -> users.update(username, null, enabled, by.getName()));
    }

    @PostMapping("/console/users/{username}/password")
    String resetPassword(@PathVariable String username, Principal by, HttpServletResponse response, Model model,
            RedirectAttributes flash) {
        return change(username, by, response, model, flash, "users.done.password", () -> {
            flash.addFlashAttribute("password", users.setPassword(username, null, by.getName()).password());
            return null;
        });
    }

    private String change(String username, Principal by, HttpServletResponse response, Model model,
            RedirectAttributes flash, String done, java.util.function.Supplier<Object> change) {
        try {
            change.get();
            flash.addFlashAttribute("done", done);
            return redirectTo(username);
        } catch (UserConflictException e) {
            // the only conflict a change of an existing user meets: it would leave no enabled admin
            return refused(username, "users.error.lastAdmin", HttpServletResponse.SC_CONFLICT, response, model);
        }
    }

    private String refused(String username, String key, int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("refusal", key);
        return user(username, model);
    }

    private String listPage(Model model, String username, String role, String refusal) {
        model.addAttribute("rows", users.list().stream().map(this::row)
                .sorted(Comparator.comparing(Row::username, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("newName", username);
        model.addAttribute("newRole", role);
        model.addAttribute("refusal", refusal);
        return "console/users";
    }

    private Row row(UserService.UserView u) {
        List<Role> roles = u.roles().stream().map(UsersPage::role).filter(r -> r != null).sorted().toList();
        return new Row(u.username(), roles, roles.isEmpty() ? null : roles.get(roles.size() - 1), u.enabled(),
                u.changedAt() == null ? null : LocalDateTime.ofInstant(u.changedAt(), zone), u.changedAt(),
                u.changedBy());
    }

    private static String redirectTo(String username) {
        return "redirect:" + UriComponentsBuilder.fromPath("/console/users/{name}").buildAndExpand(username).encode()
                .toUriString();
    }

    /** The role of its id ({@code editor}), or null. */
    private static Role role(String id) {
        return Arrays.stream(Role.values()).filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** Unknown user (removed meanwhile, or a mistyped address): the console's 404 page. */
    @ExceptionHandler(UserNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        layout.layout(model, request, locale);
        return ConsoleController.problem(HttpServletResponse.SC_NOT_FOUND, response, model);
    }
}
