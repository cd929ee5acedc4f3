/**
 * The job's chat: the latest page of history (older pages on demand), then the live stream resumed after the
 * newest message held, so nothing written in between is lost and a reconnect replays only what was missed.
 * Messages from history, the subscription and our own sends all go through one reducer that keeps one copy each.
 */
import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useClient, useMutation, useQuery } from "urql";

import { FormAlert } from "../../../components/Field";
import { ErrorState, errorMessage } from "../../../components/QueryState";
import { formatDateTime } from "../../../components/dates";
import { NO_ERRORS, mutationErrors, type SplitErrors } from "../../../components/fieldErrors";
import type { ChatMessageFieldsFragment } from "../../../gql/graphql";
import { useResumableSubscription } from "../../../realtime/useResumableSubscription";
import { chatLogReducer, emptyChatLog, resumeAfter } from "./chatLog";
import { ChatHistoryQuery, ChatMessagesSubscription, MarkMessagesReadMutation, SendMessageMutation } from "./operations";

type Message = ChatMessageFieldsFragment;

const PAGE_SIZE = 30;
const MAX_LENGTH = 4000; // marketplace/chat/models.py MAX_BODY_LENGTH
const ROLE_LABEL: Record<string, string> = { CUSTOMER: "customer", PROVIDER: "provider" };

interface ChatProps {
  jobId: string;
  /** Whether the viewer may write (the job's customer or provider, and the job not cancelled). */
  canWrite: boolean;
  /** Shown instead of the input when the viewer may only read. */
  readOnlyNote?: string;
}

export function Chat({ jobId, canWrite, readOnlyNote }: ChatProps) {
  const headingId = useId();
  const client = useClient();
  const [log, dispatch] = useReducer(chatLogReducer<Message>, undefined, emptyChatLog<Message>);

  const [history, refetchHistory] = useQuery({ query: ChatHistoryQuery, variables: { jobId, last: PAGE_SIZE } });
  useEffect(() => {
    const page = history.data?.messages;
    if (!page) return;
    dispatch({
      type: "history",
      messages: page.edges.map((edge) => edge.node),
      startCursor: page.pageInfo.startCursor ?? null,
      hasPreviousPage: page.pageInfo.hasPreviousPage,
    });
  }, [history.data]);

  // The live stream starts once the first history page is in, after its newest message (fixed from then on;
  // the transport moves the cursor forward as messages arrive, for reconnects).
  const [startAfter, setStartAfter] = useState<string | null>(null);
  useEffect(() => {
    if (log.ready && startAfter === null) setStartAfter(resumeAfter(log.messages));
  }, [log.ready, log.messages, startAfter]);
  const [live] = useResumableSubscription(
    ChatMessagesSubscription,
    { jobId },
    (received: Message[] = [], data) => [...received, data.chatMessages],
    startAfter === null,
    startAfter,
  );
  useEffect(() => {
    for (const message of live.data ?? []) dispatch({ type: "received", message });
  }, [live.data]);

  const [earlier, setEarlier] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  async function loadEarlier() {
    setEarlier({ loading: true, error: null });
    const result = await client
      .query(ChatHistoryQuery, { jobId, last: PAGE_SIZE, before: log.earlierCursor }, { requestPolicy: "network-only" })
      .toPromise();
    const page = result.data?.messages;
    if (page) {
      dispatch({
        type: "earlier",
        messages: page.edges.map((edge) => edge.node),
        startCursor: page.pageInfo.startCursor ?? null,
        hasPreviousPage: page.pageInfo.hasPreviousPage,
      });
    }
    setEarlier({ loading: false, error: result.error ? errorMessage(result.error) : null });
  }

  const logRef = useRef<HTMLDivElement>(null);
  useMarkRead(jobId, log.messages, useOnScreen(logRef));
  useScrollToNewest(logRef, log.messages);

  return (
    <section className="chat card" aria-labelledby={headingId} data-testid="job-chat">
      <h2 id={headingId}>Chat</h2>
      {history.error && !log.ready ? <ErrorState error={history.error} retry={() => refetchHistory({ requestPolicy: "network-only" })} /> : null}
      {log.hasEarlier ? (
        <button type="button" className="button button-small button-secondary chat-earlier" disabled={earlier.loading} onClick={() => void loadEarlier()}>
          {earlier.loading ? "Loading earlier messages…" : "Load earlier messages"}
        </button>
      ) : null}
      {earlier.error ? (
        <p className="alert alert-error" role="alert">
          {earlier.error}
        </p>
      ) : null}
      <div ref={logRef} className="chat-log" role="log" aria-live="polite" aria-labelledby={headingId} tabIndex={0}>
        {!log.ready && !history.error ? <p className="empty">Loading messages…</p> : null}
        {log.ready && !log.messages.length ? <p className="empty">No messages yet.</p> : null}
        <ol className="chat-messages">
          {log.messages.map((message) => (
            <li key={message.id} className={message.isMine ? "chat-message chat-message-mine" : "chat-message"} data-testid="chat-message" data-mine={message.isMine}>
              <p className="chat-meta">
                <span className="chat-sender">{message.isMine ? "You" : message.senderName}</span>
                {!message.isMine && ROLE_LABEL[message.senderRole] ? <span className="chat-role"> ({ROLE_LABEL[message.senderRole]})</span> : null}{" "}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
              </p>
              <p className="chat-body">{message.body}</p>
            </li>
          ))}
        </ol>
      </div>
      {canWrite ? <MessageForm jobId={jobId} onSent={(message) => dispatch({ type: "received", message })} /> : <p className="subtitle">{readOnlyNote}</p>}
    </section>
  );
}

function MessageForm({ jobId, onSent }: { jobId: string; onSent: (message: Message) => void }) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [{ fetching }, send] = useMutation(SendMessageMutation);

  async function submit() {
    const body = draft.trim();
    if (!body || fetching) return;
    const result = await send({ jobId, body });
    const payload = result.data?.sendMessage;
    if (result.error || payload?.errors.length) setErrors(mutationErrors(result.error, payload?.errors, ["body"]));
    else if (payload?.message) {
      onSent(payload.message);
      setDraft("");
      setErrors(NO_ERRORS);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter (or an input method composing text) keeps the newline.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  const error = errors.byField.body;
  return (
    <form
      className="chat-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormAlert messages={errors.general} />
      <div className="field">
        <label htmlFor={`${id}-body`}>Message</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={2}
          maxLength={MAX_LENGTH}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        <p className="field-hint" id={`${id}-hint`}>
          Enter sends; Shift+Enter starts a new line.
        </p>
        {error ? (
          <p className="field-error" id={`${id}-error`} data-field-error="body">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={fetching || !draft.trim()}>
        {fetching ? "Sending…" : "Send"}
      </button>
    </form>
  );
}

/** Tells the API the other party's messages were read, whenever a newer one is on screen. */
function useMarkRead(jobId: string, messages: readonly Message[], onScreen: boolean) {
  const [, markRead] = useMutation(MarkMessagesReadMutation);
  const markedUpTo = useRef<string | null>(null);
  let newestFromOther: Message | undefined;
  for (let i = messages.length - 1; i >= 0 && !newestFromOther; i--) if (!messages[i].isMine) newestFromOther = messages[i];
  const upTo = newestFromOther?.id ?? null;
  useEffect(() => {
    if (!onScreen || !upTo || markedUpTo.current === upTo) return;
    markedUpTo.current = upTo;
    void markRead({ jobId, upToMessageId: upTo });
  }, [onScreen, upTo, jobId, markRead]);
}

/** Whether the element is on screen in a visible tab. */
function useOnScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [intersecting, setIntersecting] = useState(false);
  const [pageVisible, setPageVisible] = useState(() => document.visibilityState === "visible");
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof IntersectionObserver === "undefined") {
      setIntersecting(true);
      return;
    }
    const observer = new IntersectionObserver(([entry]) => setIntersecting(entry.isIntersecting));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  useEffect(() => {
    const update = () => setPageVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return intersecting && pageVisible;
}

/** Keeps the newest message in view when it arrives (unless the reader scrolled up), and the reading position when older ones are added above. */
function useScrollToNewest(ref: RefObject<HTMLElement | null>, messages: readonly Message[]) {
  const first = messages[0]?.id;
  const last = messages[messages.length - 1];
  const previous = useRef<{ first?: string; last?: string; height: number; top: number }>({ height: 0, top: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const before = previous.current;
    if (before.last && last?.id === before.last && first !== before.first) {
      element.scrollTop = before.top + (element.scrollHeight - before.height); // older messages came in above
    } else if (last && last.id !== before.last) {
      const wasAtBottom = before.height - element.clientHeight - before.top < 80;
      if (!before.last || wasAtBottom || last.isMine) element.scrollTop = element.scrollHeight;
    }
    previous.current = { first, last: last?.id, height: element.scrollHeight, top: element.scrollTop };
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const remember = () => (previous.current = { ...previous.current, top: element.scrollTop });
    element.addEventListener("scroll", remember, { passive: true });
    return () => element.removeEventListener("scroll", remember);
  }, [ref]);
}
