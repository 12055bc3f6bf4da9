/** `china-area-data` (MIT): the NBS division codes as `{ parentCode: { code: name } }`, `86` = the country. */
declare module 'china-area-data' {
  const areas: Record<string, Record<string, string>>;
  export default areas;
}
