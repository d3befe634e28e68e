import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what a phone needs to install Keypoint to its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Keypoint",
    short_name: "Keypoint",
    description: "Turn what you read into cards, review them at the right time, and see what you remember.",
    start_url: "/review",
    scope: "/",
    display: "standalone",
    background_color: "#f7f7f4",
    theme_color: "#3b5bdb",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
