/**
 * Key names. Every key of a service carries the service as its hash tag, so that each script's keys
 * share one slot and the layout works unchanged on Redis Cluster.
 */
export const keys = {
  draft: (service: string, id: string) => `cb:{${service}}:draft:${id}`,
  activeDraft: (service: string, ownerId: string) => `cb:{${service}}:draft-active:${ownerId}`,
  request: (service: string, reference: string) => `cb:{${service}}:req:${reference}`,
  ownerRequests: (service: string, ownerId: string) => `cb:{${service}}:owner-reqs:${ownerId}`,
  sequence: (service: string, year: number) => `cb:{${service}}:seq:${year}`,
  reservedSequence: (service: string, draftId: string) => `cb:{${service}}:draft-seq:${draftId}`,
  audit: (service: string) => `cb:{${service}}:audit`,
  requests: (service: string) => `cb:{${service}}:reqs`,
  /** The requests in one status, scored by when they entered it (coordinators' queues, retention). */
  statusIndex: (service: string, status: string) => `cb:{${service}}:status:${status}`,
  /** Which requests are linked to which conversations: members `<conversationId>|<reference>`, all scored 0 (read by range). */
  links: (service: string) => `cb:{${service}}:links`,
  roster: (service: string) => `cb:{${service}}:roster`,
  availability: (service: string, clinicianId: string) => `cb:{${service}}:avail:${clinicianId}`,
  availabilityIndex: (service: string) => `cb:{${service}}:avail-index`,
  busy: (service: string, clinicianId: string) => `cb:{${service}}:busy:${clinicianId}`,
  jobs: (service: string) => `cb:{${service}}:jobs`,
  jobDocs: (service: string) => `cb:{${service}}:job-docs`,
  /** Where people and conversations are reached, whatever the service (one key: it is never in a script with a service's keys). */
  directory: 'cb:directory',
  /** When each person's directory entry was last written (ms), for retention. */
  directorySeen: 'cb:directory-seen',
  outbox: (service: string) => `cb:{${service}}:outbox`,
  deadLetters: (service: string) => `cb:{${service}}:outbox-dead`,
  once: (marker: string) => `cb:once:${marker}`,
  /** Written with a read whose answer must be as safe as a write (replica acknowledgement); holds nothing of use. */
  replicaFence: (service: string) => `cb:{${service}}:replica-fence`,
};
