DROP INDEX "library_article_search_idx";--> statement-breakpoint
CREATE INDEX "library_article_search_text_idx" ON "library_article" USING gin ("search_vector") WHERE kind <> 'case';--> statement-breakpoint
CREATE INDEX "library_article_search_case_idx" ON "library_article" USING gin ("search_vector") WHERE kind = 'case';