// Columns of the clients table that give way on narrow windows (it stays usable at 768 px: name, type and
// dates always show). Shared by the table and its skeleton, so that they line up.
export const clientColumns = { medium: "hidden lg:table-cell", wide: "hidden xl:table-cell" } as const;
