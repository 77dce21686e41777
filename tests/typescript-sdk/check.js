// Drives a running OciBackup emulator with Oracle's own TypeScript SDK (oci-core / oci-common), unchanged:
// list and get volumes and volume groups, create a volume backup and a volume group backup (with retry tokens),
// get and list them (paging with opc-next-page), wait for AVAILABLE with the SDK's own waiters, and show that a
// request signed with the wrong key is refused with 401 NotAuthenticated.
//
// Input: EMULATOR_JSON = path of the emulator.json that `--init-config DIR` writes (url, configFile, profile,
// compartments). Or EMULATOR_URL + OCI_CONFIG_FILE [+ OCI_CLI_PROFILE] + COMPARTMENT_ID.
// Exits non-zero on the first failure; prints one summary line either way.
"use strict";

const fs = require("fs");
const crypto = require("crypto");
const common = require("oci-common");
const core = require("oci-core");

const results = [];

function settings() {
  if (process.env.EMULATOR_JSON) {
    const d = JSON.parse(fs.readFileSync(process.env.EMULATOR_JSON, "utf8"));
    return { url: d.url, configFile: d.configFile, profile: d.profile, compartmentId: d.compartments[0].id };
  }
  const need = ["EMULATOR_URL", "OCI_CONFIG_FILE", "COMPARTMENT_ID"].filter(n => !process.env[n]);
  if (need.length) throw new Error("set EMULATOR_JSON, or " + need.join(", "));
  return {
    url: process.env.EMULATOR_URL,
    configFile: process.env.OCI_CONFIG_FILE,
    profile: process.env.OCI_CLI_PROFILE || "DEFAULT",
    compartmentId: process.env.COMPARTMENT_ID,
  };
}

function check(condition, what) {
  if (!condition) throw new Error("check failed: " + what);
  results.push(what);
  console.log("  ok  " + what);
}

function client(provider, url) {
  const c = new core.BlockstorageClient({ authenticationDetailsProvider: provider });
  c.endpoint = url; // after construction: the provider's region would otherwise pick the real OCI endpoint
  return c;
}

async function main() {
  const s = settings();
  console.log(`TypeScript SDK (oci-core ${require("oci-core/package.json").version}, oci-common ${require("oci-common/package.json").version}) against ${s.url}`);
  const provider = new common.ConfigFileAuthenticationDetailsProvider(s.configFile, s.profile);
  const blockstorage = client(provider, s.url);
  const waiterConfig = {
    terminationStrategy: new common.MaxTimeTerminationStrategy(120),
    delayStrategy: new common.FixedTimeDelayStrategy(1),
  };
  const waiters = blockstorage.createWaiters(undefined, waiterConfig);

  // Inventory
  const groups = (await blockstorage.listVolumeGroups({ compartmentId: s.compartmentId })).items;
  check(groups.length > 0, `ListVolumeGroups returns the seeded groups (${groups.length})`);
  const group = (await blockstorage.getVolumeGroup({ volumeGroupId: groups[0].id })).volumeGroup;
  check(group.id === groups[0].id && group.volumeIds.length > 0, `GetVolumeGroup returns ${group.volumeIds.length} volume ids`);
  const volumes = (await blockstorage.listVolumes({ compartmentId: s.compartmentId })).items;
  const standalone = volumes.find(v => !group.volumeIds.includes(v.id));
  check(standalone !== undefined, `ListVolumes returns ${volumes.length} volumes`);
  const volume = (await blockstorage.getVolume({ volumeId: standalone.id })).volume;
  check(volume.lifecycleState === core.models.Volume.LifecycleState.Available, "GetVolume returns an AVAILABLE volume");

  // CreateVolumeBackup, twice with one retry token
  const token = "ts-" + crypto.randomUUID();
  const created = await blockstorage.createVolumeBackup({
    createVolumeBackupDetails: { volumeId: volume.id, displayName: "typescript-sdk", type: core.models.CreateVolumeBackupDetails.Type.Full, freeformTags: { By: "oci-core" } },
    opcRetryToken: token,
  });
  const backup = created.volumeBackup;
  check(backup.id.startsWith("ocid1.volumebackup.") && !!created.etag && !!created.opcRequestId,
    `CreateVolumeBackup -> ${backup.lifecycleState}, etag and opc-request-id present`);
  check(backup.sizeInGBs == null, "sizes are null before AVAILABLE");
  const replay = await blockstorage.createVolumeBackup({
    createVolumeBackupDetails: { volumeId: volume.id, displayName: "typescript-sdk", type: core.models.CreateVolumeBackupDetails.Type.Full, freeformTags: { By: "oci-core" } },
    opcRetryToken: token,
  });
  check(replay.volumeBackup.id === backup.id, "same opc-retry-token returns the first backup");

  // CreateVolumeGroupBackup
  const createdGroup = await blockstorage.createVolumeGroupBackup({
    createVolumeGroupBackupDetails: { volumeGroupId: group.id, displayName: "typescript-sdk-group" },
    opcRetryToken: "ts-group-" + crypto.randomUUID(),
  });
  const groupBackup = createdGroup.volumeGroupBackup;
  check(groupBackup.volumeBackupIds.length === group.volumeIds.length,
    `CreateVolumeGroupBackup -> ${groupBackup.lifecycleState} with ${groupBackup.volumeBackupIds.length} member backups`);

  // Get
  const got = (await blockstorage.getVolumeBackup({ volumeBackupId: backup.id })).volumeBackup;
  check(got.id === backup.id && got.freeformTags.By === "oci-core", "GetVolumeBackup returns the backup with its tags");
  const gotGroup = (await blockstorage.getVolumeGroupBackup({ volumeGroupBackupId: groupBackup.id })).volumeGroupBackup;
  check(gotGroup.id === groupBackup.id, "GetVolumeGroupBackup returns the group backup");

  // List, one item per page: the SDK does not encode query values, so the caller encodes the opaque token once.
  const seen = [];
  let page;
  let pages = 0;
  do {
    const r = await blockstorage.listVolumeBackups({ compartmentId: s.compartmentId, limit: 1, page: page && encodeURIComponent(page) });
    seen.push(...r.items.map(b => b.id));
    page = r.opcNextPage;
    pages++;
  } while (page && pages < 50);
  const expected = 1 + groupBackup.volumeBackupIds.length;
  check(seen.length === expected && new Set(seen).size === expected && seen.includes(backup.id),
    `ListVolumeBackups pages through ${pages} pages (limit 1, opc-next-page) and sees each backup once`);
  const byVolume = (await blockstorage.listVolumeBackups({ compartmentId: s.compartmentId, volumeId: volume.id })).items;
  check(byVolume.length === 1 && byVolume[0].id === backup.id, "ListVolumeBackups filters by volumeId");
  const groupList = (await blockstorage.listVolumeGroupBackups({ compartmentId: s.compartmentId, volumeGroupId: group.id })).items;
  check(groupList.some(b => b.id === groupBackup.id), "ListVolumeGroupBackups lists the group backup");

  // Wait with the SDK's own waiters
  const available = await waiters.forVolumeBackup({ volumeBackupId: backup.id }, core.models.VolumeBackup.LifecycleState.Available);
  check(available.volumeBackup.lifecycleState === "AVAILABLE" && available.volumeBackup.sizeInGBs > 0
    && available.volumeBackup.uniqueSizeInGBs > 0, `waiter forVolumeBackup reached AVAILABLE (sizeInGBs ${available.volumeBackup.sizeInGBs})`);
  const groupAvailable = await waiters.forVolumeGroupBackup({ volumeGroupBackupId: groupBackup.id }, core.models.VolumeGroupBackup.LifecycleState.Available);
  check(groupAvailable.volumeGroupBackup.lifecycleState === "AVAILABLE", "waiter forVolumeGroupBackup reached AVAILABLE");

  // Errors the SDK maps
  try {
    await blockstorage.getVolumeBackup({ volumeBackupId: "ocid1.volumebackup.oc1.iad.doesnotexist" });
    check(false, "unknown backup is refused");
  } catch (e) {
    check(e.statusCode === 404 && e.serviceCode === "NotAuthorizedOrNotFound", "unknown backup -> 404 NotAuthorizedOrNotFound");
  }

  // A request signed with the wrong key: same tenancy, user and fingerprint, another private key.
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const impostor = new common.SimpleAuthenticationDetailsProvider(provider.getTenantId(), provider.getUser(), provider.getFingerprint(), privateKey, null, common.Region.US_ASHBURN_1);
  try {
    await client(impostor, s.url).getVolumeBackup({ volumeBackupId: backup.id });
    check(false, "wrong key is refused");
  } catch (e) {
    check(e.statusCode === 401 && e.serviceCode === "NotAuthenticated" && !!e.opcRequestId, "request signed with the wrong key -> 401 NotAuthenticated");
  }
}

main().then(
  () => {
    console.log(`TypeScript SDK check: ${results.length} passed, 0 failed`);
  },
  e => {
    console.error("FAILED: " + (e && e.stack ? e.stack : e));
    console.log(`TypeScript SDK check: ${results.length} passed, 1 failed`);
    process.exit(1);
  });
