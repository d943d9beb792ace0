-- Issue #3, console in the user's language: alerts carry a message key and its parameters (the
-- English title stays for webhooks, NATS and machine clients); taxonomy tags carry translated labels.
alter table alerts add column message_key text;
alter table alerts add column message_params jsonb not null default '{}'::jsonb;

-- {"fr": "...", "es": "..."}: `label` stays the English label.
alter table mo_tags add column labels jsonb not null default '{}'::jsonb;
update mo_tags set labels = t.labels::jsonb
from (values
  ('voice-phishing', '{"fr": "Hameçonnage vocal", "es": "Vishing (fraude telefónico)"}'),
  ('romance-pig-butchering', '{"fr": "Arnaque sentimentale / « pig-butchering »", "es": "Estafa romántica / «pig-butchering»"}'),
  ('investment-fraud', '{"fr": "Fraude à l''investissement", "es": "Fraude de inversión"}'),
  ('crypto-fraud', '{"fr": "Fraude aux cryptoactifs", "es": "Fraude con criptoactivos"}'),
  ('job-task-scam', '{"fr": "Arnaque à l''emploi / aux tâches", "es": "Estafa de empleo / tareas"}'),
  ('sextortion', '{"fr": "Sextorsion", "es": "Sextorsión"}'),
  ('impersonation-officials', '{"fr": "Usurpation d''identité d''agents publics", "es": "Suplantación de funcionarios"}'),
  ('loan-scam', '{"fr": "Arnaque au prêt", "es": "Estafa de préstamos"}'),
  ('money-mule', '{"fr": "Mule financière", "es": "Mula de dinero"}'),
  ('collection-account', '{"fr": "Compte collecteur", "es": "Cuenta recolectora"}'),
  ('otc-cash-out', '{"fr": "Desk OTC / retrait", "es": "Mesa OTC / retiro de efectivo"}'),
  ('underground-banking', '{"fr": "Banque clandestine", "es": "Banca clandestina"}'),
  ('social-media-job-ads', '{"fr": "Offres d''emploi sur les réseaux sociaux", "es": "Ofertas de empleo en redes sociales"}'),
  ('fake-recruitment-agency', '{"fr": "Fausse agence de recrutement", "es": "Falsa agencia de reclutamiento"}'),
  ('drug-trafficking', '{"fr": "Trafic de stupéfiants", "es": "Tráfico de drogas"}'),
  ('firearms-trafficking', '{"fr": "Trafic d''armes à feu", "es": "Tráfico de armas de fuego"}'),
  ('wildlife-trafficking', '{"fr": "Trafic d''espèces sauvages", "es": "Tráfico de vida silvestre"}'),
  ('human-trafficking', '{"fr": "Traite des êtres humains", "es": "Trata de personas"}')
) as t (code, labels)
where mo_tags.code = t.code;
