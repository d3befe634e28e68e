import Link from "next/link";
import type { QuizView } from "@/lib/quiz";

/** The quiz's document (a link back to its topics) above the heading, "Quiz: 4.1 China's AI team". */
export function QuizTitle({ quiz, heading }: { quiz: Pick<QuizView, "documentId" | "documentTitle" | "topicLabel">; heading: string }) {
  return (
    <>
      <p className="small muted">
        <Link href={`/documents/${quiz.documentId}#topics`}>{quiz.documentTitle}</Link>
      </p>
      <h1 className="quiz-title">
        {heading}: {quiz.topicLabel}
      </h1>
    </>
  );
}
