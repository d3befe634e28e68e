/** Every keyboard shortcut, by the page it works on: the "?" sheet and the Help page show this one list. */
export const SHORTCUTS: { where: string; keys: { keys: string[]; does: string }[] }[] = [
  {
    where: "Review",
    keys: [
      { keys: ["Space", "Enter"], does: "Show the answer; once shown, grade it with the suggested grade (Good, or Again after a wrong pick)" },
      { keys: ["1", "2", "3", "4"], does: "Grade: Again, Hard, Good, Easy" },
      { keys: ["1", "…", "5"], does: "On a choice card before the answer: pick that option" },
      { keys: ["z"], does: "Undo the last answer" },
      { keys: ["e"], does: "Edit the card on screen" },
    ],
  },
  {
    where: "Quiz",
    keys: [
      { keys: ["1", "…", "5"], does: "Choose an option" },
      { keys: ["T", "F"], does: "True or false" },
      { keys: ["Enter"], does: "Check the answer, then go to the next question" },
    ],
  },
  {
    where: "Anywhere",
    keys: [
      { keys: ["?"], does: "Show or hide this list" },
      { keys: ["Esc"], does: "Close this list" },
    ],
  },
];
