import { formatMoney, type Money } from "../money/formatMoney";

/** An amount from the API (`{ amount, currency }` in minor units), formatted in the reader's locale. */
export function MoneyText({ money, className }: { money: Money | null | undefined; className?: string }) {
  if (!money) return <span className={className}>—</span>;
  return (
    <span className={className} data-money={`${money.amount} ${money.currency}`}>
      {formatMoney(money)}
    </span>
  );
}
