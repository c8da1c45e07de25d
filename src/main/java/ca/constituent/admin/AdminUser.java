package ca.constituent.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/** An organiser's account: who may sign in to the dashboard, and with which role. */
@Entity
@Table(name = "admin_user")
class AdminUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    public String role;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    public OffsetDateTime lastLoginAt;

    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    static Optional<AdminUser> findByEmail(String email) {
        return find("email", normalise(email)).firstResultOptional();
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    boolean disabled() {
        return disabledAt != null;
    }
}
