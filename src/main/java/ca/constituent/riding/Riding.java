package ca.constituent.riding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A federal electoral district of the 2023 Representation Order, as loaded from the riding dataset. */
@Entity
@Table(name = "riding")
public class Riding extends PanacheEntityBase {

    @Id
    @Column(name = "fed_code")
    public String fedCode;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_fr")
    public String nameFr;

    /** Two-letter abbreviation of the province or territory. */
    public String province;

    public static List<Riding> listByFedCode() {
        return list("order by fedCode");
    }
}
