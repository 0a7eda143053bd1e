DROP INDEX items_results_idx;
