package ca.constituent.admin;

import io.quarkus.qute.TemplateData;

/** Confirmed signatures of a campaign in one riding, with the riding's names and MP (null when vacant). */
@TemplateData
public record RidingCount(String fedCode, String nameEn, String nameFr, String province, String mp, String party,
                          long confirmed) {

    public String name(String language) {
        return "fr".equals(language) ? nameFr : nameEn;
    }
}
