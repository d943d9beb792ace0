import type { Generated } from 'kysely';

export interface WebhooksTable {
  id: Generated<string>;
  agency_id: string;
  url: string;
  secret_enc: string;
  topics: string[];
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Date;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  event_id: number;
  topic: string;
  payload: unknown;
  status: Generated<string>;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

export interface WebhooksTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
