import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// Only the pieces the ranking chart draws.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);
