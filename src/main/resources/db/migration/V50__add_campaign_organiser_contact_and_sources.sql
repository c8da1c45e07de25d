-- Who runs a campaign and where its claims come from: campaign data that organisers edit, shown on every public page.
ALTER TABLE campaign
    ADD COLUMN organiser_en  text NOT NULL DEFAULT '' CHECK (length(organiser_en) <= 200),
    ADD COLUMN organiser_fr  text NOT NULL DEFAULT '' CHECK (length(organiser_fr) <= 200),
    ADD COLUMN contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254);

-- The sources behind a campaign's summary, in order, one list per language.
CREATE TABLE campaign_source (
    campaign_id bigint   NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    language    text     NOT NULL CHECK (language IN ('en', 'fr')),
    position    integer  NOT NULL CHECK (position >= 0),
    label       text     NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
    url         text     NOT NULL CHECK (url ~ '^https://' AND length(url) <= 2000),
    PRIMARY KEY (campaign_id, language, position)
);

-- Placeholders for the first campaign, to be replaced by its organisers from the dashboard.
UPDATE campaign
SET organiser_en  = 'The organisers of this campaign',
    organiser_fr  = 'L''équipe organisatrice de cette campagne',
    contact_email = 'contact@constituent.localhost'
WHERE slug = 'end-ice-complicity';

INSERT INTO campaign_source (campaign_id, language, position, label, url)
SELECT c.id, s.language, s.position, s.label, s.url
FROM campaign c,
     (VALUES
        ('en', 0, 'U.S. Immigration and Customs Enforcement (official site)', 'https://www.ice.gov/'),
        ('en', 1, 'Safe Third Country Agreement (Government of Canada)',
         'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/agreements/safe-third-country-agreement.html'),
        ('en', 2, 'Bills before Parliament (LEGISinfo)', 'https://www.parl.ca/legisinfo/en/bills'),
        ('fr', 0, 'U.S. Immigration and Customs Enforcement (site officiel, en anglais)', 'https://www.ice.gov/'),
        ('fr', 1, 'Entente sur les tiers pays sûrs (gouvernement du Canada)',
         'https://www.canada.ca/fr/immigration-refugies-citoyennete/organisation/mandat/politiques-instructions-operationnelles-ententes-accords/ententes/entente-tiers-pays-surs.html'),
        ('fr', 2, 'Projets de loi au Parlement (LEGISinfo)', 'https://www.parl.ca/legisinfo/fr/projets-de-loi')
     ) AS s (language, position, label, url)
WHERE c.slug = 'end-ice-complicity';
