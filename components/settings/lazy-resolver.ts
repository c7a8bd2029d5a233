import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver whose zod schema is loaded on the first validation: the settings page does not
 * ship zod (about 50 kB gzip) in its first load for a form that is mostly read.
 */
export function lazyZodResolver<Input extends FieldValues, Output>(loadSchema: () => Promise<import("zod").ZodType<Output, Input>>): Resolver<Input, unknown, Output> {
  return async (values, context, options) => {
    const [{ zodResolver }, schema] = await Promise.all([import("@hookform/resolvers/zod"), loadSchema()]);
    return (zodResolver(schema) as unknown as Resolver<Input, unknown, Output>)(values, context, options);
  };
}
