package org.beacon.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and their roles. Admins manage everyone; every user may read their own roles and change their password. */
@RestController
@RequestMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "users", description = "who may use the service, with which role")
class UserController {

    /** {@code password} may be left out to have one generated (returned once). */
    record NewUser(String username, List<String> roles, String password) {
    }

    /** Either may be left out to keep it. */
    record UserChange(List<String> roles, Boolean enabled) {
    }

    /** Left out (or an empty body) to have one generated. */
    record NewPassword(String password) {
    }

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "All users with their roles (admin)")
    List<UserService.UserView> list() {
        return users.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a user (admin); a generated password is in the answer, only this once")
    ResponseEntity<UserService.WithPassword> create(@RequestBody NewUser body, Principal by) {
        UserService.WithPassword created = users.create(body.username(), body.roles(), body.password(), by.getName());
        return ResponseEntity.created(URI.create("/users/" + created.user().username())).body(created);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user and their roles (any user)")
    UserService.UserView me(Principal me) {
        return users.get(me.getName());
    }

    @PostMapping(path = "/me/password")
    @Operation(summary = "Change your own password (any user)")
    UserService.WithPassword changeOwnPassword(@RequestBody(required = false) NewPassword body, Principal me) {
        return users.setPassword(me.getName(), body == null ? null : body.password(), me.getName());
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user (admin)")
    UserService.UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @PatchMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user's roles or disable them (admin); the last enabled admin cannot be removed")
    UserService.UserView update(@PathVariable String username, @RequestBody UserChange body, Principal by) {
        return users.update(username, body.roles(), body.enabled(), by.getName());
    }

    @PostMapping(path = "/{username}/password")
    @Operation(summary = "Set or generate a user's password (admin)")
    UserService.WithPassword setPassword(@PathVariable String username,
            @RequestBody(required = false) NewPassword body, Principal by) {
        return users.setPassword(username, body == null ? null : body.password(), by.getName());
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a user (admin); their credentials stop working at once here, within a minute on "
            + "other instances")
    void delete(@PathVariable String username, Principal by) {
        users.delete(username, by.getName());
    }
}
