import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keypoint", template: "%s · Keypoint" },
  description: "Turn what you read into cards, review them at the right time, and see what you remember.",
  applicationName: "Keypoint",
  appleWebApp: { capable: true, title: "Keypoint", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#3b5bdb" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
