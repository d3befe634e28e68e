import { notFound } from "next/navigation";
import { QuizRunner } from "@/components/quiz/quiz-runner";
import { NotFound } from "@/lib/db/runtime/errors";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { loadQuiz } from "@/lib/db/quiz/attempts";
import { IdSchema } from "@/lib/validation/ids";

export const metadata = { title: "Quiz" };

export default async function QuizPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const user = await requirePageUser(`/quiz/${encodeURIComponent(attemptId)}`);
  if (!IdSchema.safeParse(attemptId).success) notFound();
  let quiz;
  try {
    quiz = await loadQuiz(db(), user.id, attemptId);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
  if (quiz.status === "DISCARDED") notFound();
  return <QuizRunner initial={quiz} />;
}
