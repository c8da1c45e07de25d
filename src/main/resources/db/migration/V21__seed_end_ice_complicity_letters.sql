-- The seeded campaign's letter, in both languages. Qute placeholders: signer.{firstName, lastName, fullName,
-- postalCode, personalNote}, riding.name, mp.{name, party}, campaign.{title, asks}.
INSERT INTO letter_template (campaign_id, language, subjects, body)
SELECT c.id, 'en',
$subjects$End Canada's complicity with ICE
A constituent asks you to act on ICE
Close the ICE offices in Canada and end the Safe Third Country Agreement
Please support Bill C-233 and stop arming ICE$subjects$,
$body$Dear {mp.name},

My name is {signer.fullName}. I live in {riding.name}, postal code {signer.postalCode}, and I am writing to you as my Member of Parliament to ask you to help end Canada's complicity with US Immigration and Customs Enforcement (ICE).

ICE detains and deports people in conditions that courts and human rights organisations have condemned, and it separates families who have lived next to us for years. Canada should have no part in that. I am asking you to press the Government of Canada, and to use your vote, to:

{#for ask in campaign.asks}
{ask_count}. {ask}
{/for}

{#if signer.personalNote}
{signer.personalNote}

{/if}
I would be grateful for a reply telling me where you stand on each of these points and what you will do about them.

Sincerely,

{signer.fullName}
{signer.postalCode}
{riding.name}
$body$
FROM campaign c WHERE c.slug = 'end-ice-complicity';

INSERT INTO letter_template (campaign_id, language, subjects, body)
SELECT c.id, 'fr',
$subjects$Mettre fin à la complicité du Canada avec l'ICE
Une personne de votre circonscription vous demande d'agir contre l'ICE
Fermez les bureaux de l'ICE au Canada et mettez fin à l'Entente sur les tiers pays sûrs
Appuyez le projet de loi C-233 et cessez d'armer l'ICE$subjects$,
$body$Bonjour {mp.name},

Je m'appelle {signer.fullName}. J'habite dans la circonscription de {riding.name} (code postal {signer.postalCode}) et je vous écris, à vous qui me représentez à la Chambre des communes, pour vous demander d'aider à mettre fin à la complicité du Canada avec l'Immigration and Customs Enforcement (ICE) des États-Unis.

L'ICE détient et expulse des personnes dans des conditions que des tribunaux et des organismes de défense des droits de la personne ont condamnées, et sépare des familles qui vivent parmi nous depuis des années. Le Canada ne doit pas y prendre part. Je vous demande d'exhorter le gouvernement du Canada, et d'utiliser votre vote, pour :

{#for ask in campaign.asks}
{ask_count}. {ask}
{/for}

{#if signer.personalNote}
{signer.personalNote}

{/if}
Je vous remercie de me répondre en m'indiquant votre position sur chacun de ces points et ce que vous comptez faire.

Veuillez agréer mes salutations distinguées.

{signer.fullName}
{signer.postalCode}
{riding.name}
$body$
FROM campaign c WHERE c.slug = 'end-ice-complicity';
