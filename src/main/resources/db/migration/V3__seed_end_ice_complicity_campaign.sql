-- The first campaign. Later campaigns arrive the same way: rows, not code.
INSERT INTO campaign (slug, title_en, title_fr, summary_en, summary_fr, goal, status)
VALUES (
    'end-ice-complicity',
    'End Canada''s complicity with ICE',
    'Mettre fin à la complicité du Canada avec l''ICE',
    'US Immigration and Customs Enforcement detains and deports people in conditions that courts and rights groups '
    || 'have condemned. Canada should not host its offices, fund its suppliers, arm it, or send refugees back to it. '
    || 'Ask your MP to act: close the ICE offices here, stop paying the companies that equip it, refuse the export '
    || 'permits, support Bill C-233 and end the Safe Third Country Agreement.',
    'L''Immigration and Customs Enforcement des États-Unis détient et expulse des personnes dans des conditions que '
    || 'les tribunaux et les groupes de défense des droits ont condamnées. Le Canada ne devrait ni accueillir ses '
    || 'bureaux, ni financer ses fournisseurs, ni l''armer, ni lui renvoyer des personnes réfugiées. Demandez à votre '
    || 'député·e d''agir : fermer les bureaux de l''ICE ici, cesser de payer les entreprises qui l''équipent, refuser '
    || 'les licences d''exportation, appuyer le projet de loi C-233 et mettre fin à l''Entente sur les tiers pays sûrs.',
    50000,
    'open'
);

INSERT INTO campaign_ask (campaign_id, position, text_en, text_fr)
SELECT c.id, a.position, a.text_en, a.text_fr
FROM campaign c,
     (VALUES
        (0,
         'Close the US Immigration and Customs Enforcement (ICE) offices operating in Canada.',
         'Fermer les bureaux de l''Immigration and Customs Enforcement (ICE) des États-Unis qui opèrent au Canada.'),
        (1,
         'Cancel federal contracts, subsidies and grants for companies that supply ICE or the US Department of '
         || 'Homeland Security, starting with the cases reported in 2026: Roshel, GardaWorld, the Jim Pattison Group, '
         || 'Hootsuite and JSI.',
         'Annuler les contrats, subventions et contributions fédérales accordés aux entreprises qui approvisionnent '
         || 'l''ICE ou le Department of Homeland Security, à commencer par les cas rapportés en 2026 : Roshel, '
         || 'GardaWorld, le Jim Pattison Group, Hootsuite et JSI.'),
        (2,
         'Deny or revoke export permits for armoured vehicles, surveillance technology and any other controlled '
         || 'goods destined for ICE.',
         'Refuser ou révoquer les licences d''exportation de véhicules blindés, de technologies de surveillance et '
         || 'de toute autre marchandise contrôlée destinés à l''ICE.'),
        (3,
         'Support Bill C-233, which ends the exemption that lets military goods go to the United States without '
         || 'an export permit.',
         'Appuyer le projet de loi C-233, qui met fin à l''exemption permettant d''envoyer des biens militaires aux '
         || 'États-Unis sans licence d''exportation.'),
        (4,
         'Terminate the Safe Third Country Agreement with the United States, as its Article 10 allows.',
         'Mettre fin à l''Entente sur les tiers pays sûrs avec les États-Unis, comme le permet son article 10.')
     ) AS a (position, text_en, text_fr)
WHERE c.slug = 'end-ice-complicity';

INSERT INTO signature_count_rollup (campaign_id, rolled_up_at)
SELECT id, now() FROM campaign WHERE slug = 'end-ice-complicity';
