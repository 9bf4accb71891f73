package org.ringback.identity.web;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Role;
import org.ringback.identity.UserRegistration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    record UserRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "must be 3-40 lowercase letters, digits, '.', '_' or '-'") String username,
            @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotEmpty Set<@NotNull Role> roles,
            Set<@NotNull UUID> practiceIds) {
    }

    record UserView(String id, String username, String displayName, Set<Role> roles, Set<UUID> practiceIds) {
        static UserView of(CurrentUser user) {
            return new UserView(user.id().toString(), user.username(), user.displayName(), user.roles(), user.practiceIds());
        }
    }

    private final UserRegistration registration;

    UserController(UserRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody UserRequest request) {
        var practiceIds = request.practiceIds() == null ? Set.<UUID>of() : request.practiceIds();
        return UserView.of(registration.register(new UserRegistration.NewUser(
                request.username(), request.password(), request.displayName(), request.roles(), practiceIds)));
    }
}
