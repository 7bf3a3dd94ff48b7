// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { Nedtelling } from "./deler.tsx";

/** The countdown on the leader's view and the projector: the server's clock decides, the browser counts seconds. */

const SERVER_NAA = "2026-11-26T09:00:00.000Z";
const tid = () => screen.getByRole("timer").textContent;
const sekunder = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

afterEach(() => vi.useRealTimers());

describe("Nedtelling", () => {
  it("viser tiden igjen fra serverens klokke og teller ned hvert sekund", () => {
    vi.useFakeTimers();
    vi.setSystemTime(SERVER_NAA);
    renderMedMaalform(<Nedtelling slutt="2026-11-26T09:01:05.000Z" serverNaa={SERVER_NAA} />);
    expect(tid()).toBe("01:05");
    expect(screen.getByText("Tid igjen:")).toBeTruthy();
    sekunder(1);
    expect(tid()).toBe("01:04");
    sekunder(60);
    expect(tid()).toBe("00:04");
  });

  it("en nettleser med feil klokke teller likevel fra serverens tid", () => {
    vi.useFakeTimers();
    // The projector's own clock is an hour and a bit ahead of the server.
    vi.setSystemTime(new Date(new Date(SERVER_NAA).getTime() + 3_725_000));
    renderMedMaalform(<Nedtelling slutt="2026-11-26T09:02:00.000Z" serverNaa={SERVER_NAA} />);
    expect(tid()).toBe("02:00");
    sekunder(30);
    expect(tid()).toBe("01:30");
  });

  it("stopper på 00:00 og sier at tiden er ute (bokmål og nynorsk)", () => {
    vi.useFakeTimers();
    vi.setSystemTime(SERVER_NAA);
    const { unmount } = renderMedMaalform(<Nedtelling slutt="2026-11-26T09:00:02.000Z" serverNaa={SERVER_NAA} stor />);
    expect(screen.getByText("Tid igjen:")).toBeTruthy();
    sekunder(5);
    expect(tid()).toBe("00:00");
    expect(screen.getByText("Tiden er ute:")).toBeTruthy();
    unmount();
    renderMedMaalform(<Nedtelling slutt="2026-11-26T08:59:00.000Z" serverNaa={SERVER_NAA} />, "nn");
    expect(tid()).toBe("00:00");
    expect(screen.getByText("Tida er ute:")).toBeTruthy();
  });

  it("over en time skrives som minutter (75:00), ikke som timer", () => {
    vi.useFakeTimers();
    vi.setSystemTime(SERVER_NAA);
    renderMedMaalform(<Nedtelling slutt="2026-11-26T10:15:00.000Z" serverNaa={SERVER_NAA} />);
    expect(tid()).toBe("75:00");
  });
});
