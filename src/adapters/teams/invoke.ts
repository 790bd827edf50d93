import { z } from 'zod';

/** An Adaptive Card Universal Action (Action.Execute) as Teams invokes the bot with it: parsed before anything else reads it. */
export const InvokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().optional(),
});
