import 'reflect-metadata';
import { directoryContext } from '@concord/directory';
import { runProcess } from '@concord/platform';

// Distributed mode: Kafka consumers that keep the read models; scale out up to the partition count.
void runProcess('worker', { api: false, worker: true }, [directoryContext], { requireDistributed: true });
