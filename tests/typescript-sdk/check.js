// Drives a running OciBackup emulator with Oracle's own TypeScript SDK (oci-core, oci-identity, oci-workrequests,
// oci-common), unchanged: list and get volumes and volume groups, create a volume backup and a volume group backup
// (with retry tokens), get and list them (paging with opc-next-page), wait for AVAILABLE with the SDK's own waiters,
// and show that a request signed with the wrong key is refused with 401 NotAuthenticated. Against an emulator that
// serves a second region (us-phoenix-1) it also lists compartments and availability domains, copies both kinds of
// backup there (waiting on the copy's work request in the source region, then on the copy in the destination),
// restores a volume and a volume group, and deletes backups and waits for TERMINATED.
//
// Input: EMULATOR_JSON = path of the emulator.json that `--init-config DIR` writes (url, endpoints, configFile,
// profile, tenancyId, compartments). Or EMULATOR_URL + OCI_CONFIG_FILE [+ OCI_CLI_PROFILE] + COMPARTMENT_ID, which
// runs the one-region part only.
// Exits non-zero on the first failure; prints one summary line either way.
"use strict";

const fs = require("fs");
const crypto = require("crypto");
const common = require("oci-common");
const core = require("oci-core");
const identity = require("oci-identity");
const workrequests = require("oci-workrequests");

const DESTINATION = "us-phoenix-1";

const results = [];

function settings() {
  if (process.env.EMULATOR_JSON) {
    const d = JSON.parse(fs.readFileSync(process.env.EMULATOR_JSON, "utf8"));
    return {
      url: d.url, endpoints: d.endpoints || {}, configFile: d.configFile, profile: d.profile, tenancyId: d.tenancyId,
      compartmentId: d.compartments[0].id, compartments: d.compartments,
    };
  }
  const need = ["EMULATOR_URL", "OCI_CONFIG_FILE", "COMPARTMENT_ID"].filter(n => !process.env[n]);
  if (need.length) throw new Error("set EMULATOR_JSON, or " + need.join(", "));
  return {
    url: process.env.EMULATOR_URL,
    endpoints: {},
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

// Every client gets its endpoint after construction: the provider's region would otherwise pick the real OCI one.
function client(provider, url, Client = core.BlockstorageClient) {
  const c = new Client({ authenticationDetailsProvider: provider });
  c.endpoint = url;
  return c;
}

async function refused(call, status, code, what) {
  try {
    await call();
  } catch (e) {
    check(e.statusCode === status && e.serviceCode === code, what);
    return;
  }
  check(false, what);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function main() {
  const s = settings();
  console.log(`TypeScript SDK (oci-core ${require("oci-core/package.json").version}, oci-identity ${require("oci-identity/package.json").version}, `
    + `oci-common ${require("oci-common/package.json").version}) against ${s.url}` + (s.endpoints[DESTINATION] ? ` and ${DESTINATION} at ${s.endpoints[DESTINATION]}` : ""));
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

  if (s.endpoints[DESTINATION]) {
    await regions(s, provider, waiterConfig, { blockstorage, waiters, volume, group, backup, groupBackup });
  } else {
    console.log(`  (no ${DESTINATION} endpoint: the identity, copy, restore and delete checks need a two-region emulator)`);
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

// Identity, a second region, copies, restores and deletes.
async function regions(s, provider, waiterConfig, home) {
  const { blockstorage, waiters, volume, group, backup, groupBackup } = home;
  const west = client(provider, s.endpoints[DESTINATION]);
  const westWaiters = west.createWaiters(undefined, waiterConfig);

  // Identity: the compartment tree (the same at every region) and each region's availability domains
  const identityHome = client(provider, s.url, identity.IdentityClient);
  const tree = (await identityHome.listCompartments({
    compartmentId: s.tenancyId, compartmentIdInSubtree: true, accessLevel: identity.requests.ListCompartmentsRequest.AccessLevel.Any,
  })).items;
  const child = s.compartments.find(c => c.parentId === s.compartmentId);
  check(s.compartments.every(c => tree.some(t => t.id === c.id)) && tree.find(t => t.id === child.id).compartmentId === s.compartmentId,
    `ListCompartments (subtree of the tenancy) returns the ${tree.length} compartments with their parents`);
  const children = (await client(provider, s.endpoints[DESTINATION], identity.IdentityClient).listCompartments({ compartmentId: s.compartmentId })).items;
  check(children.length === 1 && children[0].name === child.name, "ListCompartments of a compartment returns its first-level children, in any region");
  const homeDomains = (await identityHome.listAvailabilityDomains({ compartmentId: s.tenancyId })).items.map(d => d.name);
  const westDomains = (await client(provider, s.endpoints[DESTINATION], identity.IdentityClient).listAvailabilityDomains({ compartmentId: s.tenancyId })).items.map(d => d.name);
  check(homeDomains.includes(volume.availabilityDomain) && westDomains.every(n => /:PHX-AD-\d$/.test(n)) && westDomains.length === 3,
    `ListAvailabilityDomains per region (${homeDomains[0]} …, ${westDomains[0]} …)`);

  // The second region's own volumes; this region's are not found there
  const westVolumes = (await west.listVolumes({ compartmentId: s.compartmentId, sortBy: core.requests.ListVolumesRequest.SortBy.Displayname })).items;
  check(westVolumes.length > 0 && westVolumes.every(v => v.id.includes(`.${DESTINATION}.`) && westDomains.includes(v.availabilityDomain)),
    `ListVolumes in ${DESTINATION} returns its own ${westVolumes.length} volumes`);
  const westGroup = (await west.listVolumeGroups({ compartmentId: s.compartmentId })).items[0];
  const members = (await west.listVolumes({ volumeGroupId: westGroup.id })).items;
  check(members.length === westGroup.volumeIds.length && members.every(v => v.volumeGroupId === westGroup.id),
    "ListVolumes without a compartment, by volumeGroupId, returns the group's volumes");
  const byName = (await west.listVolumes({ compartmentId: s.compartmentId, displayName: westVolumes[0].displayName, lifecycleState: core.models.Volume.LifecycleState.Available })).items;
  check(byName.length === 1 && byName[0].id === westVolumes[0].id, "ListVolumes filters by exact displayName and lifecycleState");
  await refused(() => west.getVolume({ volumeId: volume.id }), 404, "NotAuthorizedOrNotFound", `a home-region volume at the ${DESTINATION} endpoint -> 404`);

  // Copy a volume backup: the SDK's work-request waiter in the source region, then the copy's lifecycle in the destination
  const workRequests = client(provider, s.url, workrequests.WorkRequestClient);
  const copyToken = "ts-copy-" + crypto.randomUUID();
  const copying = await blockstorage.createWaiters(workRequests, waiterConfig).forCopyVolumeBackup({
    volumeBackupId: backup.id, copyVolumeBackupDetails: { destinationRegion: DESTINATION, displayName: "typescript-sdk copy" }, opcRetryToken: copyToken,
  });
  const copy = copying.response.volumeBackup;
  check(copy.id.includes(`.${DESTINATION}.`) && copy.sourceVolumeBackupId === backup.id && copy.freeformTags.By === "oci-core",
    "CopyVolumeBackup -> the copy, in the destination, with sourceVolumeBackupId and the source's tags");
  check(copying.workRequestResponse.workRequest.status === "SUCCEEDED" && copying.workRequestResponse.workRequest.resources[0].identifier === copy.id,
    "waiter forCopyVolumeBackup: the work request in the source region SUCCEEDED");
  await refused(() => blockstorage.getVolumeBackup({ volumeBackupId: copy.id }), 404, "NotAuthorizedOrNotFound", "the copy at the source region's endpoint -> 404");
  const copied = await westWaiters.forVolumeBackup({ volumeBackupId: copy.id }, core.models.VolumeBackup.LifecycleState.Available);
  check(copied.volumeBackup.sizeInGBs === volume.sizeInGBs, `waiter forVolumeBackup in ${DESTINATION}: the copy is AVAILABLE with the volume's size`);
  const replayed = await blockstorage.copyVolumeBackup({
    volumeBackupId: backup.id, copyVolumeBackupDetails: { destinationRegion: DESTINATION, displayName: "typescript-sdk copy" }, opcRetryToken: copyToken,
  });
  const found = (await west.listVolumeBackups({ compartmentId: s.compartmentId, sourceVolumeBackupId: backup.id })).items;
  check(replayed.volumeBackup.id === copy.id && found.length === 1 && found[0].id === copy.id,
    "the same opc-retry-token returns the first copy; ListVolumeBackups by sourceVolumeBackupId finds it");

  // Copy the volume group backup and restore it there as a volume group
  const groupCopy = (await blockstorage.copyVolumeGroupBackup({
    volumeGroupBackupId: groupBackup.id, copyVolumeGroupBackupDetails: { destinationRegion: DESTINATION }, opcRetryToken: "ts-group-copy-" + crypto.randomUUID(),
  })).volumeGroupBackup;
  const groupCopied = (await westWaiters.forVolumeGroupBackup({ volumeGroupBackupId: groupCopy.id }, core.models.VolumeGroupBackup.LifecycleState.Available)).volumeGroupBackup;
  check(groupCopied.sourceVolumeGroupBackupId === groupBackup.id && groupCopied.volumeBackupIds.length === groupBackup.volumeBackupIds.length,
    `CopyVolumeGroupBackup -> AVAILABLE in ${DESTINATION} with ${groupCopied.volumeBackupIds.length} member copies`);
  const restoredGroup = (await west.createVolumeGroup({
    createVolumeGroupDetails: {
      availabilityDomain: westDomains[1], compartmentId: s.compartmentId, displayName: "typescript-sdk restored group",
      sourceDetails: { type: "volumeGroupBackupId", volumeGroupBackupId: groupCopy.id },
    },
    opcRetryToken: "ts-group-restore-" + crypto.randomUUID(),
  })).volumeGroup;
  const groupRestored = (await westWaiters.forVolumeGroup({ volumeGroupId: restoredGroup.id }, core.models.VolumeGroup.LifecycleState.Available)).volumeGroup;
  check(restoredGroup.lifecycleState === "PROVISIONING" && groupRestored.volumeIds.length === group.volumeIds.length
    && groupRestored.sourceDetails.volumeGroupBackupId === groupCopy.id,
    "CreateVolumeGroup from the group backup copy: PROVISIONING, then AVAILABLE with new volumes");

  // Restore a volume in the home region, in another availability domain
  const restoring = (await blockstorage.createVolume({
    createVolumeDetails: {
      compartmentId: s.compartmentId, availabilityDomain: homeDomains[2], displayName: "typescript-sdk restored", vpusPerGB: 20,
      sourceDetails: { type: "volumeBackup", id: backup.id },
    },
    opcRetryToken: "ts-restore-" + crypto.randomUUID(),
  })).volume;
  check(restoring.lifecycleState === "PROVISIONING" && restoring.isHydrated === false && restoring.sizeInGBs === volume.sizeInGBs,
    "CreateVolume from a backup -> PROVISIONING, not hydrated, the backup's size");
  const restored = (await waiters.forVolume({ volumeId: restoring.id }, core.models.Volume.LifecycleState.Available)).volume;
  let hydrated = restored;
  for (let i = 0; i < 60 && !hydrated.isHydrated; i++) {
    await sleep(500);
    hydrated = (await blockstorage.getVolume({ volumeId: restoring.id })).volume;
  }
  check(restored.sourceDetails.id === backup.id && restored.availabilityDomain === homeDomains[2] && restored.vpusPerGB === 20 && hydrated.isHydrated,
    "waiter forVolume: the restored volume is AVAILABLE, then hydrated");

  // Delete: a backup still being created is refused; the copy and the group copy go TERMINATING, TERMINATED
  const fresh = (await blockstorage.createVolumeBackup({ createVolumeBackupDetails: { volumeId: volume.id }, opcRetryToken: "ts-fresh-" + crypto.randomUUID() })).volumeBackup;
  await refused(() => blockstorage.deleteVolumeBackup({ volumeBackupId: fresh.id }), 409, "IncorrectState", "deleting a backup still being created -> 409 IncorrectState");
  const deleted = await west.deleteVolumeBackup({ volumeBackupId: copy.id, ifMatch: copied.etag });
  check(!!deleted.opcRequestId, "DeleteVolumeBackup with if-match -> accepted");
  const terminated = await westWaiters.forVolumeBackup({ volumeBackupId: copy.id }, core.models.VolumeBackup.LifecycleState.Terminated);
  check(terminated.volumeBackup.lifecycleState === "TERMINATED", "waiter forVolumeBackup reached TERMINATED");
  await west.deleteVolumeGroupBackup({ volumeGroupBackupId: groupCopy.id });
  const groupTerminated = await westWaiters.forVolumeGroupBackup({ volumeGroupBackupId: groupCopy.id }, core.models.VolumeGroupBackup.LifecycleState.Terminated);
  const memberStates = await Promise.all(groupCopied.volumeBackupIds.map(async id => (await west.getVolumeBackup({ volumeBackupId: id })).volumeBackup.lifecycleState));
  check(groupTerminated.volumeGroupBackup.lifecycleState === "TERMINATED" && memberStates.every(m => m === "TERMINATED"),
    "DeleteVolumeGroupBackup: the group backup and its member backups reach TERMINATED");
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
