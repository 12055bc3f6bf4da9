/** Funds: mandates (fund and bank-product) with versions. */
export {};
