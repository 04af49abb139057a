import { CustomChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// The Gantt view of key nodes draws its bars itself (a custom series) and a line for today.
use([CustomChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);
