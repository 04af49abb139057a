import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// The pieces this feature draws, registered one by one so the bundle carries nothing else.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
