import { GraphChart } from "echarts/charts";
import { LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// The pieces the chain map draws, registered one by one so the bundle carries nothing else.
use([GraphChart, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
