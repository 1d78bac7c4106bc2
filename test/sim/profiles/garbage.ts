import { randomBytes, randomInt } from 'node:crypto';
import { NS, hashUuid, utf8, type Profile, type SimCamera } from '../profile-types.js';

// A non-ONVIF responder on port 3702 (discovery.md §1.7): random bytes or XML cut off mid-element. The app must
// survive it without an unhandled error.
const brokenXml = (cam: SimCamera): string =>
  `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS.soap12}"><SOAP-ENV:Body>` +
  `<d:ProbeMatches><d:ProbeMatch>&bogus;<d:Types>dn:NetworkVideoTransmitter</d:Typ` +
  `<d:XAddrs>http://${cam.ip}/onvif/device_service<`;

const junk = (cam: SimCamera): Buffer => {
  switch (randomInt(3)) {
    case 0:
      return randomBytes(randomInt(16, 600));
    case 1:
      return utf8(brokenXml(cam));
    default:
      return Buffer.concat([utf8('<?xml version="1.0" encoding="UTF-8"?><Envelope>'), randomBytes(randomInt(8, 200))]);
  }
};

export const garbage: Profile = {
  name: 'garbage',
  ouis: ['3c:d9:2b'],
  defaultModel: 'junk',
  types: [],
  answersAnyProbe: true,
  uuidFor: (seed) => hashUuid(`garbage:${seed}`),
  epr: (cam) => `urn:uuid:${cam.uuid}`,
  probeMatches: (cam) => junk(cam),
  hello: (cam) => junk(cam),
  bye: (cam) => junk(cam),
};
