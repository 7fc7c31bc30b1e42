import { InteractionResponseType, MessageFlags, Routes, type RepliableInteraction } from 'discord.js';
import { messageBody, type DiscordReply } from '../render/discord.js';

/**
 * How long after its interaction arrived a reply may still be in the works before the interaction
 * is deferred. Discord wants a first response within 3 s of sending the interaction: half of that
 * leaves room for the gateway's delay, a busy event loop and the deferral's own round trip.
 */
export const DEFER_AFTER_MS = 1_500;

/**
 * An interaction that finds more than this much work queued ahead of its own is deferred at once
 * (see ComputeQueue.backlogMs): under a burst the users see "thinking…" within a fraction of a second
 * and Discord gets its responses in time, instead of every response waiting behind the backlog. One
 * that finds the queue (nearly) empty is answered in its first response, with no deferral.
 */
export const BACKLOG_DEFER_MS = 10;

export interface ReplyTiming {
  /** `performance.now()` when the interaction arrived. */
  readonly arrivedAt: number;
  /** See DEFER_AFTER_MS; 0 defers before the work starts. */
  readonly deferAfterMs: number;
  /** Holds the compute queue while a deferral is on its way (see ComputeQueue.arrived). */
  readonly holdQueue: () => () => void;
}

/**
 * Respond to an interaction with the reply `work` makes, exactly once: when the reply is ready in
 * time, as the response itself (one request, and the user sees the answer with no "thinking…");
 * otherwise the interaction is deferred when its time is up and the deferred response edited once
 * the reply is ready. For public replies (a deferral fixes the visibility).
 *
 * A failure of `work` is rethrown only after a deferral that went out has settled, so the router's
 * catch site sees the interaction's true state and does not answer twice.
 *
 * @example await replyWhenReady(interaction, () => queue.run(() => renderAsk(ask(…), locale)), timing);
 */
export async function replyWhenReady(interaction: RepliableInteraction, work: () => Promise<DiscordReply>, timing: ReplyTiming): Promise<void> {
  if (timing.deferAfterMs <= 0) {
    await interaction.deferReply();
    await editDeferred(interaction, await work());
    return;
  }
  const deferring: { deferral?: Promise<void> } = {};
  const timer = setTimeout(
    () => {
      const release = timing.holdQueue();
      deferring.deferral = (async () => {
        try {
          await interaction.deferReply();
        } finally {
          release();
        }
      })();
    },
    Math.max(0, timing.deferAfterMs - (performance.now() - timing.arrivedAt)),
  );
  let reply: DiscordReply;
  try {
    reply = await work();
  } catch (error) {
    clearTimeout(timer);
    await settled(deferring.deferral);
    throw error;
  }
  clearTimeout(timer);
  if (deferring.deferral === undefined) {
    await answerDirectly(interaction, reply);
  } else {
    await deferring.deferral;
    await editDeferred(interaction, reply);
  }
}

/**
 * The deferred response edited into `reply`: the one PATCH `interaction.editReply` sends, without
 * the rest of what editReply does per call — a MessagePayload (whose lazy `require`s go through
 * tsx's resolver each time) and a Message built and cached from Discord's answer, which nothing
 * reads. In a burst of /ask that was ~5% of the bot's CPU per interaction.
 */
async function editDeferred(interaction: RepliableInteraction, reply: DiscordReply): Promise<void> {
  await interaction.client.rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), { body: messageBody(reply), auth: false });
  // As editReply leaves it: the router's catch site reads it.
  interaction.replied = true;
}

/**
 * The interaction answered with `reply` as its response: the one POST `interaction.reply` sends, without
 * its MessagePayload, for the same reason as `editDeferred`.
 */
async function answerDirectly(interaction: RepliableInteraction, reply: DiscordReply): Promise<void> {
  const flags = 'flags' in reply && typeof reply.flags === 'number' ? reply.flags : 0;
  await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: { type: InteractionResponseType.ChannelMessageWithSource, data: { ...messageBody(reply), ...(flags === 0 ? {} : { flags }) } },
    auth: false,
  });
  // As reply leaves them: the router's catch site reads them.
  interaction.replied = true;
  interaction.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
}

/** Wait for a promise to settle, whichever way. */
async function settled(promise: Promise<void> | undefined): Promise<void> {
  try {
    await promise;
  } catch {
    // Its failure is not this caller's to report: the work's failure is.
  }
}
