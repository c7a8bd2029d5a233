-- CreateTable
CREATE TABLE "auth_failure" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_failure_pkey" PRIMARY KEY ("key")
);

