/** The part of autocannon 9 that bench/samling-live.ts uses (the package ships no types). */
declare module "autocannon" {
  type Resultat = {
    requests: { total: number; average: number };
    latency: { p99: number };
    statusCodeStats?: Record<string, { count: number }>;
    errors: number;
  };
  export default function autocannon(o: { url: string; connections?: number; duration?: number; headers?: Record<string, string> }): Promise<Resultat>;
}
