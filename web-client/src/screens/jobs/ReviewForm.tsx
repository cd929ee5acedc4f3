/** After completion, each side rates the other: 1–5 stars (a radio group drawn as stars) and a comment. */
import { useId, useState } from "react";
import { useMutation } from "urql";

import { FormAlert } from "../../components/Field";
import { NO_ERRORS, hasErrors, type SplitErrors } from "../../components/fieldErrors";
import { outcomeErrors } from "./mutationOutcome";
import { SubmitReviewMutation } from "./operations";

const STARS = [1, 2, 3, 4, 5] as const;

interface ReviewFormProps {
  jobId: string;
  /** "the provider" or "the customer". */
  subject: string;
  onReviewed: () => void;
}

export function ReviewForm({ jobId, subject, onReviewed }: ReviewFormProps) {
  const id = useId();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [{ fetching }, submit] = useMutation(SubmitReviewMutation);

  async function send() {
    // An unchosen rating goes to the API as 0, which answers with its own message next to the stars.
    const result = await submit({ jobId, rating, comment: comment.trim() });
    const problems = outcomeErrors(result.error, result.data?.submitReview, ["rating", "comment"]);
    setErrors(problems);
    if (!hasErrors(problems)) onReviewed();
  }

  return (
    <form
      className="review-form card"
      aria-labelledby={`${id}-title`}
      data-testid="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id={`${id}-title`}>Review {subject}</h3>
      <FormAlert messages={errors.general} />
      <fieldset className="stars" aria-describedby={errors.byField.rating ? `${id}-rating-error` : undefined}>
        <legend>Rating</legend>
        <div className="stars-row">
          {STARS.map((stars) => (
            <label key={stars} className={stars <= rating ? "star star-on" : "star"}>
              <input type="radio" name="rating" value={stars} checked={rating === stars} onChange={() => setRating(stars)} />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{stars === 1 ? "1 star" : `${stars} stars`}</span>
            </label>
          ))}
          <span className="stars-chosen" aria-hidden="true">
            {rating ? `${rating} of 5` : "Choose 1 to 5 stars"}
          </span>
        </div>
        {errors.byField.rating ? (
          <p className="field-error" id={`${id}-rating-error`} data-field-error="rating">
            {errors.byField.rating}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`}>Comment (optional)</label>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={errors.byField.comment ? true : undefined}
          aria-describedby={errors.byField.comment ? `${id}-comment-error` : undefined}
        />
        {errors.byField.comment ? (
          <p className="field-error" id={`${id}-comment-error`} data-field-error="comment">
            {errors.byField.comment}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? "Sending…" : "Submit review"}
      </button>
    </form>
  );
}
