/** Input limits shared by the API schemas and the forms. */
export const limits = {
  name: 120,
  email: 254,
  password: { min: 10, max: 200 },
  shortText: 200,
  url: 500,
  phone: 40,
  listItems: 30,
  query: 200,
  pageSize: 100,
} as const;
