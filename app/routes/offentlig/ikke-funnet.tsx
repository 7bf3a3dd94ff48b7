/** Any unknown address: a 404 rendered by the root error boundary, in the reader's målform. */
export function loader() {
  throw new Response("Ikke funnet", { status: 404 });
}

export default function IkkeFunnet() {
  return null;
}
