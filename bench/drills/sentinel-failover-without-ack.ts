import { failoverDrill } from './sentinel-failover';

/**
 * The same failover with replica acknowledgement off (REDIS_MIN_REPLICAS_ACK=0, the default): measures what
 * asynchronous replication loses of what referrers were told is saved. Passes when it ran and measured.
 */
export const run = ({ smoke }: { smoke: boolean }) => failoverDrill({ smoke, minReplicasAck: 0 });
