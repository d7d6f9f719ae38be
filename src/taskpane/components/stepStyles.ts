// The layout the steps share: a result column under the action and a row of buttons.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStepStyles = makeStyles({
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  wrap: { overflowWrap: "anywhere" },
});
