CREATE TABLE "library_article" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "library_article_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"document_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"type" text NOT NULL,
	"label" text,
	"number" integer,
	"headings" text[] NOT NULL,
	"text" text NOT NULL,
	"title_tokens" text NOT NULL,
	"heading_tokens" text NOT NULL,
	"tokens" text NOT NULL,
	"bigram_tokens" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, heading_tokens), 'B') || setweight(to_tsvector('simple'::regconfig, tokens), 'C') || to_tsvector('simple'::regconfig, bigram_tokens)) STORED NOT NULL,
	"kind" text NOT NULL,
	"in_force_from" date,
	"superseded_on" date,
	CONSTRAINT "library_article_document_ordinal_key" UNIQUE("document_id","ordinal"),
	CONSTRAINT "library_article_kind_check" CHECK ("library_article"."kind" in ('law', 'regulation', 'interpretation', 'rule', 'case', 'other')),
	CONSTRAINT "library_article_type_check" CHECK ("library_article"."type" in ('article', 'item', 'section', 'paragraph'))
);
--> statement-breakpoint
CREATE TABLE "library_cause" (
	"name" text PRIMARY KEY NOT NULL,
	"code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_cause_article" (
	"cause_name" text NOT NULL,
	"ordinal" integer NOT NULL,
	"document_title" text NOT NULL,
	"article_label" text NOT NULL,
	"note" text,
	CONSTRAINT "library_cause_article_cause_name_ordinal_pk" PRIMARY KEY("cause_name","ordinal")
);
--> statement-breakpoint
CREATE TABLE "library_document" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"issuing_body" text,
	"promulgated_on" date,
	"effective_on" date,
	"amended_on" date,
	"in_force_from" date,
	"superseded_on" date,
	"status" text,
	"history" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"source_path" text NOT NULL,
	"content_hash" text NOT NULL,
	"article_count" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_document_source_path_key" UNIQUE("source_path"),
	CONSTRAINT "library_document_kind_check" CHECK ("library_document"."kind" in ('law', 'regulation', 'interpretation', 'rule', 'case', 'other')),
	CONSTRAINT "library_document_status_check" CHECK ("library_document"."status" in ('repealed'))
);
--> statement-breakpoint
ALTER TABLE "library_article" ADD CONSTRAINT "library_article_document_id_library_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."library_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_cause_article" ADD CONSTRAINT "library_cause_article_cause_name_library_cause_name_fk" FOREIGN KEY ("cause_name") REFERENCES "public"."library_cause"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_article_label_idx" ON "library_article" USING btree ("label","document_id");--> statement-breakpoint
CREATE INDEX "library_article_search_idx" ON "library_article" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "library_document_title_idx" ON "library_document" USING btree ("title","subtitle");--> statement-breakpoint
CREATE INDEX "library_document_hash_idx" ON "library_document" USING btree ("content_hash");--> statement-breakpoint
-- Common causes of action and the articles they rest on (checked against the texts in the law corpus).
INSERT INTO "library_cause" ("name") VALUES ('民间借贷纠纷'), ('物业服务合同纠纷'), ('离婚纠纷'), ('机动车交通事故责任纠纷'), ('劳动争议');--> statement-breakpoint
INSERT INTO "library_cause_article" ("cause_name", "ordinal", "document_title", "article_label", "note") VALUES
	('民间借贷纠纷', 1, '中华人民共和国民法典', '第六百六十七条', '借款合同的含义'),
	('民间借贷纠纷', 2, '中华人民共和国民法典', '第六百七十五条', '按约定期限返还借款'),
	('民间借贷纠纷', 3, '中华人民共和国民法典', '第六百七十六条', '逾期返还的利息'),
	('民间借贷纠纷', 4, '中华人民共和国民法典', '第六百七十九条', '自然人之间借款合同的成立'),
	('民间借贷纠纷', 5, '中华人民共和国民法典', '第六百八十条', '禁止高利放贷'),
	('民间借贷纠纷', 6, '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '第一条', '民间借贷的范围'),
	('民间借贷纠纷', 7, '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '第二条', '起诉时应提供借据等债权凭证'),
	('民间借贷纠纷', 8, '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '第二十五条', '利率的上限'),
	('民间借贷纠纷', 9, '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '第二十八条', '逾期利率'),
	('民间借贷纠纷', 10, '中华人民共和国民法典', '第一百八十八条', '三年诉讼时效'),
	('物业服务合同纠纷', 1, '中华人民共和国民法典', '第九百三十七条', '物业服务合同的含义'),
	('物业服务合同纠纷', 2, '中华人民共和国民法典', '第九百四十二条', '物业服务人的义务'),
	('物业服务合同纠纷', 3, '中华人民共和国民法典', '第九百四十四条', '业主支付物业费'),
	('物业服务合同纠纷', 4, '中华人民共和国民法典', '第九百四十六条', '解聘物业服务人'),
	('物业服务合同纠纷', 5, '中华人民共和国民法典', '第九百四十九条', '合同终止后的交接'),
	('物业服务合同纠纷', 6, '最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释', '第一条', '业主妨碍物业服务与管理'),
	('物业服务合同纠纷', 7, '最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释', '第二条', '违规收取的费用应退还'),
	('物业服务合同纠纷', 8, '中华人民共和国民法典', '第一百八十八条', '三年诉讼时效'),
	('离婚纠纷', 1, '中华人民共和国民法典', '第一千零七十六条', '协议离婚'),
	('离婚纠纷', 2, '中华人民共和国民法典', '第一千零七十九条', '诉讼离婚与准予离婚的情形'),
	('离婚纠纷', 3, '中华人民共和国民法典', '第一千零八十四条', '离婚后的父母子女关系'),
	('离婚纠纷', 4, '中华人民共和国民法典', '第一千零八十五条', '子女抚养费'),
	('离婚纠纷', 5, '中华人民共和国民法典', '第一千零八十七条', '夫妻共同财产的分割'),
	('离婚纠纷', 6, '中华人民共和国民法典', '第一千零八十八条', '家务劳动补偿'),
	('离婚纠纷', 7, '中华人民共和国民法典', '第一千零九十一条', '离婚损害赔偿'),
	('离婚纠纷', 8, '中华人民共和国民法典', '第一千零九十二条', '隐藏、转移共同财产'),
	('机动车交通事故责任纠纷', 1, '中华人民共和国民法典', '第一千二百零八条', '机动车交通事故责任的依据'),
	('机动车交通事故责任纠纷', 2, '中华人民共和国民法典', '第一千二百零九条', '所有人与使用人不一致'),
	('机动车交通事故责任纠纷', 3, '中华人民共和国民法典', '第一千二百一十条', '已转让未登记的机动车'),
	('机动车交通事故责任纠纷', 4, '中华人民共和国民法典', '第一千二百一十三条', '交强险、商业险与侵权人的赔偿顺序'),
	('机动车交通事故责任纠纷', 5, '中华人民共和国民法典', '第一千二百一十六条', '肇事逃逸'),
	('机动车交通事故责任纠纷', 6, '中华人民共和国道路交通安全法', '第七十六条', '交通事故的赔偿责任'),
	('机动车交通事故责任纠纷', 7, '最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释', '第一条', '所有人或管理人的过错'),
	('劳动争议', 1, '中华人民共和国劳动争议调解仲裁法', '第二条', '劳动争议的范围'),
	('劳动争议', 2, '中华人民共和国劳动争议调解仲裁法', '第五条', '先申请仲裁，不服再起诉'),
	('劳动争议', 3, '中华人民共和国劳动争议调解仲裁法', '第二十七条', '一年仲裁时效'),
	('劳动争议', 4, '中华人民共和国劳动争议调解仲裁法', '第四十七条', '终局裁决'),
	('劳动争议', 5, '中华人民共和国劳动争议调解仲裁法', '第四十八条', '劳动者对终局裁决不服可起诉'),
	('劳动争议', 6, '中华人民共和国劳动合同法', '第三十条', '及时足额支付劳动报酬'),
	('劳动争议', 7, '中华人民共和国劳动合同法', '第四十六条', '支付经济补偿的情形'),
	('劳动争议', 8, '中华人民共和国劳动合同法', '第四十七条', '经济补偿的计算'),
	('劳动争议', 9, '中华人民共和国劳动合同法', '第八十二条', '未订立书面合同的二倍工资'),
	('劳动争议', 10, '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）', '第一条', '属于劳动争议的纠纷');
