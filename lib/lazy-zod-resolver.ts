import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

/**
 * A react-hook-form resolver whose zod schema is loaded on the first validation (forms validate on submit, then
 * on change): zod and the schemas stay out of the first load of the pages with forms (docs/BENCHMARKS.md). The
 * schema is loaded once per resolver; keep the resolver across renders (useMemo) where making one is not free.
 */
export function lazyZodResolver<Input extends FieldValues, Output>(loadSchema: () => Promise<ZodType<Output, Input>>): Resolver<Input, unknown, Output> {
  let resolver: Promise<Resolver<Input, unknown, Output>> | undefined;
  return async (values, context, options) => {
    resolver ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(([{ zodResolver }, schema]) => zodResolver(schema) as unknown as Resolver<Input, unknown, Output>);
    try {
      return (await resolver)(values, context, options);
    } catch (error) {
      resolver = undefined; // a failed load (the network) is tried again at the next validation
      throw error;
    }
  };
}
