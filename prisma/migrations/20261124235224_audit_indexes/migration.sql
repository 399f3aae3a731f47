-- CreateIndex
CREATE INDEX "AuditEvent_entityId_id_idx" ON "AuditEvent"("entityId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_targetId_idx" ON "AuditEvent"("targetId");
