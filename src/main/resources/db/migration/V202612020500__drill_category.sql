-- Issue 36 (obligations): what a drill rehearsed. 政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次" is
-- one obligation per typical incident category, satisfied only by a drill of that category; JR/T 7.3's joint drill
-- of a 行业云 is a category of its own. Drills recorded before have none (they count for the general drill only).
ALTER TABLE lifecycle_drill ADD COLUMN category VARCHAR(40);
