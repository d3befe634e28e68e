-- CreateIndex
CREATE INDEX "CardState_userId_suspended_state_due_idx" ON "CardState"("userId", "suspended", "state", "due");

