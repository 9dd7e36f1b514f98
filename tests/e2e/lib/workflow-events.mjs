// The request-workflow service's decisions as the register receives them, for the e2e tests of the
// certificate service's consumers: an event is written to the workflow service's outbox exactly as
// that service writes it (its relay publishes it to the real broker), and what the certificate
// service answers with (certificate.request_refused.v1) is read from its outbox and checked against
// the event's JSON Schema.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const kEventsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'proto-docs', 'events');
export const kRequestRefusedType = 'certificate.request_refused.v1';

const sqlText = (text) => `'${String(text).replace(/'/g, "''")}'`;
let validators;

function schemas() {
  if (!validators) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const load = (file) => JSON.parse(fs.readFileSync(path.join(kEventsDir, file), 'utf8'));
    validators = {
      envelope: ajv.compile(load('cloudevent-envelope.schema.json')),
      refused: ajv.compile(load(`${kRequestRefusedType}.schema.json`)),
    };
  }
  return validators;
}

/** Writes a workflow event of `type` with `data` to workflow.outbox; resolves to the event id. */
export async function writeWorkflowEvent(cluster, type, data, { eventId = crypto.randomUUID(), subject = data.request_id } = {}) {
  const envelope = {
    specversion: '1.0',
    id: eventId,
    source: '/kutse/workflow',
    type,
    subject: subject ?? '',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: `https://kutse.ee/proto-docs/events/${type}.schema.json`,
    correlationid: `e2e-${type}-${eventId}`,
    data,
  };
  await cluster.psql(
    `INSERT INTO workflow.outbox (id, type, subject, envelope) VALUES ('${eventId}', ${sqlText(type)}, ` +
      `${sqlText(subject ?? '')}, ${sqlText(JSON.stringify(envelope))}::jsonb)`,
  );
  return eventId;
}

/**
 * Every certificate.request_refused.v1 the certificate service wrote for `requestId`, schema-checked;
 * none may contain any of `personalCodes` (a refusal carries no personal data).
 */
export async function refusalsOf(cluster, requestId, { personalCodes = [] } = {}) {
  const out = await cluster.psql(
    `SELECT envelope::text FROM certificate.outbox WHERE type = '${kRequestRefusedType}' AND subject = ${sqlText(requestId)} ORDER BY seq`,
  );
  const { envelope, refused } = schemas();
  return out.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const event = JSON.parse(line);
    assert.ok(envelope(event), `envelope of ${line}: ${JSON.stringify(envelope.errors)}`);
    assert.ok(refused(event.data), `data of ${line}: ${JSON.stringify(refused.errors)}`);
    assert.equal(event.source, '/kutse/certificate');
    assert.equal(event.data.request_id, requestId);
    for (const code of personalCodes) assert.ok(!line.includes(code), 'no personal code in a refusal');
    return event;
  });
}
