// A seeded random number generator (mulberry32), so every benchmark run builds the same
// synthetic library and asks the same queries.
export { seededRandom as rng } from '../electron/entities/clusters.ts';
